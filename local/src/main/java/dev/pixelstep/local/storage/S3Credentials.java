package dev.pixelstep.local.storage;

import dev.pixelstep.local.DataDirectory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The access key the embedded S3 server of one data directory accepts, generated at random the
 * first time the stack starts on it and kept in {@code <data>/s3-credentials}, readable by its
 * owner only ({@link DataDirectory#credentials()}), in the AWS shared-credentials format (profile {@value #PROFILE}), so that any AWS
 * tool can use the file: {@code AWS_SHARED_CREDENTIALS_FILE=<data>/s3-credentials AWS_PROFILE=pixelstep}.
 *
 * @param accessKeyId     20 characters, {@code PXL} and 17 random base-32 characters
 * @param secretAccessKey 40 random letters and digits
 */
public record S3Credentials(String accessKeyId, String secretAccessKey) {

    /** The profile that holds them in that file. */
    public static final String PROFILE = "pixelstep";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public S3Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /** New random credentials. */
    public static S3Credentials generate() {
        return new S3Credentials("PXL" + random(BASE32, 17), random(ALPHANUMERIC, 40));
    }

    /**
     * The credentials of {@code dataDirectory}, created (owner-only) if it has none yet. Called by
     * the one process that holds the data directory's lock, so two never race to create them.
     *
     * @throws IllegalStateException when the file exists but holds no credentials
     */
    public static S3Credentials forDataDirectory(Path dataDirectory) {
        Path file = DataDirectory.of(dataDirectory).credentials();
        try {
            Files.createDirectories(dataDirectory);
            if (Files.exists(file)) {
                ownerOnly(file);
                return read(dataDirectory).orElseThrow();
            }
            S3Credentials created = generate();
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            if (posix(file)) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, created.toProfileFile());
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the S3 credentials in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The credentials of {@code dataDirectory}, if the stack has ever started on it.
     *
     * @throws IllegalStateException when the file exists but holds no credentials
     */
    public static Optional<S3Credentials> read(Path dataDirectory) {
        Path file = DataDirectory.of(dataDirectory).credentials();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Optional<Profile> profile;
        try {
            profile = ProfileFile.builder().content(file).type(ProfileFile.Type.CREDENTIALS).build().profile(PROFILE);
        } catch (RuntimeException e) {
            throw damaged(file);
        }
        Optional<String> key = profile.flatMap(p -> p.property("aws_access_key_id"));
        Optional<String> secret = profile.flatMap(p -> p.property("aws_secret_access_key"));
        if (key.isEmpty() || secret.isEmpty() || key.get().isBlank() || secret.get().isBlank()) {
            throw damaged(file);
        }
        return Optional.of(new S3Credentials(key.get(), secret.get()));
    }

    /** These credentials for an AWS SDK client. */
    public AwsCredentialsProvider provider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    /** The AWS shared-credentials file holding them. */
    String toProfileFile() {
        return "# The credentials of this pixelstep data directory's S3 endpoint (generated at random; keep them private).\n"
                + "# Any AWS tool can read them: AWS_SHARED_CREDENTIALS_FILE=<this file> AWS_PROFILE=" + PROFILE + "\n"
                + "[" + PROFILE + "]\n"
                + "aws_access_key_id = " + accessKeyId + "\n"
                + "aws_secret_access_key = " + secretAccessKey + "\n";
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "S3Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=(hidden)]";
    }

    private static IllegalStateException damaged(Path file) {
        return new IllegalStateException(file + " holds no S3 credentials (profile [" + PROFILE
                + "] with aws_access_key_id and aws_secret_access_key); delete it and start pixelstep again to generate new ones");
    }

    /** Tightens a file that others may read (copied, or created by hand) to owner-only. */
    private static void ownerOnly(Path file) throws IOException {
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix(Path file) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && file.getFileSystem().equals(FileSystems.getDefault());
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
