package dev.pixelstep.functions.internal.s3;

import dev.pixelstep.functions.error.ObjectNotFoundException;
import dev.pixelstep.functions.error.TransientException;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.support.S3ProxyExtension;
import dev.pixelstep.functions.support.S3ProxyServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An object replaced between the read of its first bytes and the read of the rest, as
 * {@code K/combined.<ext>} is when two runs of one key overlap (an upload's run and a bulk run's,
 * found in the local stack's web test): the read of the rest asks for the version first seen
 * ({@code If-Match} its ETag), and the 412 it answers is a {@link TransientException} (the state
 * machine retries, and the retry reads the new version), not an untyped S3 error that failed the
 * run and made it discard the other run's outputs.
 */
@ExtendWith(S3ProxyExtension.class)
class ObjectReplacedWhileReadTest {

    private static S3ProxyServer s3;

    @BeforeAll
    static void start(S3ProxyServer server) {
        s3 = server;
        s3.createBucket("out");
    }

    @Test
    void aReplacedObjectIsATransientFaultAndTheNextLookUpReadsTheNewVersion() {
        ObjectStore store = new ObjectStore(s3.client());
        s3.put("out", "photo.jpg/combined.png", new byte[] {1, 2, 3}, Map.of());
        ObjectBytes start = store.readStart("out", "photo.jpg/combined.png", 2);
        assertArrayEquals(new byte[] {1, 2}, start.bytes());
        assertEquals(3, start.object().size(), "the whole object's size, from the ranged answer");
        s3.put("out", "photo.jpg/combined.png", new byte[] {4, 5, 6, 7}, Map.of());

        TransientException e = assertThrows(TransientException.class, () -> store.readRange(start.object(), 2, 1, new byte[3]));
        assertTrue(e.getMessage().contains("was replaced while it was being read"), e.getMessage());

        assertArrayEquals(new byte[] {4, 5, 6, 7}, store.readWhole("out", "photo.jpg/combined.png", ImageLimits.defaults()).bytes());
    }

    @Test
    void aDeletedObjectIsStillNotFound() {
        ObjectStore store = new ObjectStore(s3.client());
        s3.put("out", "gone.jpg/combined.png", new byte[] {1, 2}, Map.of());
        StoredObject seen = store.readStart("out", "gone.jpg/combined.png", 1).object();
        s3.client().deleteObject(b -> b.bucket("out").key("gone.jpg/combined.png"));

        assertThrows(ObjectNotFoundException.class, () -> store.readRange(seen, 1, 1, new byte[2]));
        assertThrows(ObjectNotFoundException.class, () -> store.readWhole("out", "gone.jpg/combined.png", ImageLimits.defaults()));
    }
}
