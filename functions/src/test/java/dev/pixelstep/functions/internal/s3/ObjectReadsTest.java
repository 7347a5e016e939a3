package dev.pixelstep.functions.internal.s3;

import dev.pixelstep.functions.error.ImageTooLargeException;
import dev.pixelstep.functions.error.ObjectNotFoundException;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.support.S3ProxyExtension;
import dev.pixelstep.functions.support.S3ProxyServer;
import dev.pixelstep.testkit.net.FaultInjectingProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading an object takes one request: a GetObject whose answer says what HeadObject said before
 * it (the size, the ETag, the user metadata), found under the key or its URL-decoded form, checked
 * against the size limit before its body is read. Every request is counted through a proxy, so an
 * added round trip fails here (on Lambda each one waits for the network, billed time).
 */
@ExtendWith(S3ProxyExtension.class)
class ObjectReadsTest {

    private static S3ProxyServer s3;
    private static FaultInjectingProxy proxy;
    private static ObjectStore store;

    @BeforeAll
    static void start(S3ProxyServer server) {
        s3 = server;
        proxy = FaultInjectingProxy.start(s3.endpoint());
        store = new ObjectStore(S3ProxyServer.client(proxy.endpoint()));
        s3.createBucket("reads-in");
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /** The requests {@code read} sent, as {@code METHOD path range}. */
    private static List<String> requestsOf(Runnable read) {
        int before = proxy.requests().size();
        read.run();
        return proxy.requests().subList(before, proxy.requests().size()).stream()
                .map(r -> r.method() + " " + r.path() + (r.header("range") == null ? "" : " " + r.header("range"))).toList();
    }

    @Test
    void theFirstBytesAndWhatHeadObjectSaidComeFromOneRangedGet() {
        byte[] photo = bytes(200_000);
        s3.put("reads-in", "photos/a.jpg", photo, Map.of("operations", "grayscale, blur"));
        ObjectBytes[] start = new ObjectBytes[1];

        List<String> requests = requestsOf(() -> start[0] = store.readStart("reads-in", "photos/a.jpg", 65_536));

        assertEquals(List.of("GET /reads-in/photos/a.jpg bytes=0-65535"), requests);
        assertArrayEquals(Arrays.copyOf(photo, 65_536), start[0].bytes());
        StoredObject object = start[0].object();
        assertEquals(200_000, object.size(), "the whole object's size, from Content-Range");
        assertEquals(Map.of("operations", "grayscale, blur"), object.userMetadata());
        assertEquals(s3.client().headObject(b -> b.bucket("reads-in").key("photos/a.jpg")).eTag(), object.eTag());

        byte[] all = Arrays.copyOf(start[0].bytes(), 200_000);
        assertEquals(List.of("GET /reads-in/photos/a.jpg bytes=65536-199999"),
                requestsOf(() -> store.readRange(object, 65_536, 200_000 - 65_536, all)));
        assertArrayEquals(photo, all);
    }

    @Test
    void anObjectShorterThanTheFirstBytesIsReadWholeAndAnEmptyOneIsThere() {
        byte[] small = bytes(1000);
        s3.put("reads-in", "small.png", small, Map.of());
        s3.put("reads-in", "empty.png", new byte[0], Map.of("operations", "invert"));

        ObjectBytes start = store.readStart("reads-in", "small.png", 65_536);
        assertArrayEquals(small, start.bytes());
        assertEquals(1000, start.object().size());

        ObjectBytes[] read = new ObjectBytes[1];
        assertEquals(List.of("GET /reads-in/empty.png bytes=0-65535", "HEAD /reads-in/empty.png"),
                requestsOf(() -> read[0] = store.readStart("reads-in", "empty.png", 65_536)),
                "S3 answers 416 to any range of an empty object; what it holds is then asked for, the one case of two requests");
        ObjectBytes empty = read[0];
        assertEquals(0, empty.bytes().length);
        assertEquals(0, empty.object().size());
        assertEquals(Map.of("operations", "invert"), empty.object().userMetadata());
        assertEquals(0, store.readWhole("reads-in", "empty.png", ImageLimits.defaults()).bytes().length);
    }

    @Test
    void theWholeObjectIsOneGetAndItsSizeIsCheckedBeforeItsBodyIsRead() {
        byte[] photo = bytes(300_000);
        s3.put("reads-in", "photos/b.jpg", photo, Map.of());
        ObjectBytes[] whole = new ObjectBytes[1];

        assertEquals(List.of("GET /reads-in/photos/b.jpg"), requestsOf(() -> whole[0] = store.readWhole("reads-in", "photos/b.jpg", ImageLimits.defaults())));
        assertArrayEquals(photo, whole[0].bytes());
        assertEquals(300_000, whole[0].object().size());

        ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
                () -> store.readWhole("reads-in", "photos/b.jpg", new ImageLimits(100_000, ImageLimits.DEFAULT_MAX_PIXELS)));
        assertTrue(e.getMessage().contains("s3://reads-in/photos/b.jpg"), e.getMessage());
        assertArrayEquals(photo, store.readWhole("reads-in", "photos/b.jpg", ImageLimits.defaults()).bytes(),
                "the refused read left nothing behind that breaks the next one");
    }

    @Test
    void anEventKeyIsLookedUpAsGivenThenUrlDecodedAndAMissingOneSaysBoth() {
        byte[] photo = bytes(5000);
        s3.put("reads-in", "my photo+1.jpg", photo, Map.of());

        List<String> requests = requestsOf(() -> assertArrayEquals(photo,
                store.readWhole("reads-in", "my+photo%2B1.jpg", ImageLimits.defaults()).bytes()));
        assertEquals(2, requests.size(), "the key as given, then decoded: " + requests);
        assertEquals("my photo+1.jpg", store.readStart("reads-in", "my+photo%2B1.jpg", 10).object().key());

        ObjectNotFoundException missing = assertThrows(ObjectNotFoundException.class, () -> store.readStart("reads-in", "no+such.jpg", 10));
        assertEquals("s3://reads-in/no+such.jpg does not exist (nor does its URL-decoded form 'no such.jpg'); check the bucket and key,"
                + " or whether the object was deleted before it was processed", missing.getMessage());
        assertThrows(ObjectNotFoundException.class, () -> store.readWhole("nosuchbucket", "a.jpg", ImageLimits.defaults()));
    }
}
