package dev.pixelstep.functions.internal.s3;

import dev.pixelstep.functions.error.ObjectNotFoundException;
import dev.pixelstep.functions.error.TransientException;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.support.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An object replaced between HeadObject and GetObject, as {@code K/combined.<ext>} is when two runs
 * of one key overlap (an upload's run and a bulk run's, found in the local stack's web test): the
 * read of the version HeadObject saw answers 412 to its {@code If-Match}, which is a
 * {@link TransientException} (the state machine retries, and the retry reads the new version whole),
 * not an untyped S3 error that failed the run and made it discard the other run's outputs.
 */
class ObjectReplacedWhileReadTest {

    private static S3ProxyServer s3;

    @BeforeAll
    static void start() {
        s3 = S3ProxyServer.start();
        s3.createBucket("out");
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @Test
    void aReplacedObjectIsATransientFaultAndTheNextLookUpReadsTheNewVersion() {
        ObjectStore store = new ObjectStore(s3.client());
        s3.put("out", "photo.jpg/combined.png", new byte[] {1, 2, 3}, Map.of());
        StoredObject seen = store.locate("out", "photo.jpg/combined.png");
        s3.put("out", "photo.jpg/combined.png", new byte[] {4, 5, 6, 7}, Map.of());

        TransientException whole = assertThrows(TransientException.class, () -> store.read(seen, ImageLimits.defaults()));
        assertTrue(whole.getMessage().contains("was replaced while it was being read"), whole.getMessage());
        assertThrows(TransientException.class, () -> store.readRange(seen, 0, 2, new byte[3]));

        assertArrayEquals(new byte[] {4, 5, 6, 7}, store.read(store.locate("out", "photo.jpg/combined.png"), ImageLimits.defaults()));
    }

    @Test
    void aDeletedObjectIsStillNotFound() {
        ObjectStore store = new ObjectStore(s3.client());
        s3.put("out", "gone.jpg/combined.png", new byte[] {1}, Map.of());
        StoredObject seen = store.locate("out", "gone.jpg/combined.png");
        s3.client().deleteObject(b -> b.bucket("out").key("gone.jpg/combined.png"));

        assertThrows(ObjectNotFoundException.class, () -> store.read(seen, ImageLimits.defaults()));
    }
}
