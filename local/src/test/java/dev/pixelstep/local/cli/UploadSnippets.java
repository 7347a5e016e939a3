package dev.pixelstep.local.cli;

import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Code the root README quotes, compiled here and run by {@link ClientCompatibilityTest}, which also
 * checks that the README holds exactly the text between the {@code snippet} markers.
 */
final class UploadSnippets {

    private UploadSnippets() {
    }

    /** The README's AWS SDK for Java v2 upload: {@code photo} to {@code sdk/photo.jpg} with a chain. */
    static void sdkUpload(URI endpoint, Path credentials, Path photo) {
        // snippet:sdkUpload
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(ProfileCredentialsProvider.builder().profileName("pixelstep")
                        .profileFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build()).build())
                .build()) {
            s3.putObject(b -> b.bucket("pixelstep-input").key("sdk/photo.jpg")
                    .metadata(Map.of("operations", "grayscale, blur(radius=4)")), RequestBody.fromFile(photo));
        }
        // end:sdkUpload
    }
}
