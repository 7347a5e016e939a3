package dev.pixelstep.local.storage;

import dev.pixelstep.local.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S3CredentialsTest {

    @Test
    void areGeneratedOncePerDataDirectoryAndReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one");
        S3Credentials first = S3Credentials.forDataDirectory(one);
        assertTrue(first.accessKeyId().matches("PXL[A-Z2-7]{17}"), first.accessKeyId());
        assertTrue(first.secretAccessKey().matches("[A-Za-z0-9]{40}"));
        assertEquals(first, S3Credentials.forDataDirectory(one), "the same on every start");
        assertEquals(first, S3Credentials.read(one).orElseThrow());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(DataDirectory.of(one).credentials())));
        assertNotEquals(first, S3Credentials.forDataDirectory(dir.resolve("two")), "another data directory, another key");
        assertFalse(first.toString().contains(first.secretAccessKey()), "never printed by accident");
        assertTrue(S3Credentials.read(dir.resolve("never-started")).isEmpty());
    }

    @Test
    void theFileIsAnAwsSharedCredentialsFileAnyAwsToolReads(@TempDir Path dir) {
        S3Credentials credentials = S3Credentials.forDataDirectory(dir);
        ProfileFile file = ProfileFile.builder().content(DataDirectory.of(dir).credentials()).type(ProfileFile.Type.CREDENTIALS).build();
        AwsCredentials resolved = ProfileCredentialsProvider.builder().profileFile(file).profileName(S3Credentials.PROFILE).build()
                .resolveCredentials();
        assertEquals(credentials.accessKeyId(), resolved.accessKeyId());
        assertEquals(credentials.secretAccessKey(), resolved.secretAccessKey());
    }

    @Test
    void aFileOthersCanReadIsTightenedAndADamagedOneIsReportedNotReplaced(@TempDir Path dir) throws Exception {
        S3Credentials credentials = S3Credentials.forDataDirectory(dir);
        Path file = DataDirectory.of(dir).credentials();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(credentials, S3Credentials.forDataDirectory(dir));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Files.writeString(file, "[default]\naws_access_key_id = x\n");
        IllegalStateException damaged = assertThrows(IllegalStateException.class, () -> S3Credentials.forDataDirectory(dir));
        assertTrue(damaged.getMessage().contains("delete it"), damaged.getMessage());
        assertEquals("[default]\naws_access_key_id = x\n", Files.readString(file), "a damaged file is left for the user to look at");
    }
}
