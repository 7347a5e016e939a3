package dev.pixelstep.s3;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MissingObjectsTest {

    @Test
    void aNotFoundStatusIsMissingWhateverItsErrorCode() {
        assertTrue(MissingObjects.isMissing((S3Exception) NoSuchKeyException.builder().statusCode(404).build()));
        assertTrue(MissingObjects.isMissing((S3Exception) S3Exception.builder().statusCode(404).build()), "a HEAD 404 carries no code");
    }

    @Test
    void faultsAndRefusalsAreNotMissing() {
        for (int status : new int[] {400, 403, 409, 412, 500, 503}) {
            assertFalse(MissingObjects.isMissing((S3Exception) S3Exception.builder().statusCode(status).build()), "status " + status);
        }
    }
}
