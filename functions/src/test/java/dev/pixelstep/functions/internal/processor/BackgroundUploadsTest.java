package dev.pixelstep.functions.internal.processor;

import dev.pixelstep.functions.internal.image.EncodedImage;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.functions.support.TestImages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outputs upload while the next one is computed, within the heap's reserve; failures keep their
 * type; nothing uploads after the request ended.
 */
class BackgroundUploadsTest {

    private static final EncodedImage IMAGE = new ImageEncoder().encode(TestImages.picture(32, 24, false), ImageFormat.PNG);
    private static final long NO_RESERVE = 0;

    /** A failure of the bucket, of a type of its own so that a test can tell it was rethrown as it was. */
    private static final class BucketFailure extends RuntimeException {
        BucketFailure(String message) {
            super(message);
        }
    }

    @Test
    void theCallerGoesOnWhileItsLastOutputStillUploads() throws Exception {
        // issue 13: a worker waited for each PutObject before its next step; the first upload here cannot end before the
        // caller has gone on to hand over the second output, so a synchronous sink would wait out the latch and fail
        CountDownLatch secondHandedOver = new CountDownLatch(1);
        AtomicBoolean firstWaitedOut = new AtomicBoolean();
        Map<String, byte[]> stored = new ConcurrentHashMap<>();
        try (BackgroundUploads uploads = new BackgroundUploads((key, image) -> {
            if (key.equals("first")) {
                try {
                    firstWaitedOut.set(!secondHandedOver.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            stored.put(key, image.toByteArray());
        }, NO_RESERVE, 1)) {
            uploads.accept("first", IMAGE);
            uploads.accept("second", IMAGE);
            secondHandedOver.countDown();
            uploads.finish();
        }
        assertFalse(firstWaitedOut.get(), "the first upload was still running when the second output was handed over");
        assertEquals(2, stored.size(), "finish waits for every upload");
        assertArrayEquals(IMAGE.toByteArray(), stored.get("first"));
    }

    @Test
    void belowTheReserveTheCallerUploadsItsOutputItself() {
        List<Thread> uploaders = new CopyOnWriteArrayList<>();
        try (BackgroundUploads uploads = new BackgroundUploads((key, image) -> uploaders.add(Thread.currentThread()), Long.MAX_VALUE, 2)) {
            uploads.accept("a", IMAGE);
            uploads.accept("b", IMAGE);
            uploads.finish();
        }
        assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), uploaders,
                "no heap to spare: each output uploads on its worker, as without background uploads");
    }

    @Test
    void withRoomToSpareOutputsUploadOnAThreadOfTheirOwn() {
        List<Thread> uploaders = new CopyOnWriteArrayList<>();
        try (BackgroundUploads uploads = new BackgroundUploads((key, image) -> uploaders.add(Thread.currentThread()), NO_RESERVE, 1)) {
            uploads.accept("a", IMAGE);
            uploads.finish();
        }
        assertEquals(1, uploaders.size());
        assertNotSame(Thread.currentThread(), uploaders.get(0));
    }

    @Test
    void aFailedUploadIsRethrownWithItsOwnTypeAndStopsLaterOutputs() {
        BucketFailure failure = new BucketFailure("access denied");
        List<String> stored = new CopyOnWriteArrayList<>();
        try (BackgroundUploads uploads = new BackgroundUploads((key, image) -> {
            if (key.equals("bad")) {
                throw failure;
            }
            stored.add(key);
        }, NO_RESERVE, 1)) {
            uploads.accept("bad", IMAGE);
            assertSame(failure, assertThrows(BucketFailure.class, uploads::finish), "the retry contract sees the bucket's own exception");
            assertSame(failure, assertThrows(BucketFailure.class, () -> uploads.accept("later", IMAGE)),
                    "a worker's next output stops at the failure");
        }
        assertEquals(List.of(), stored);
    }

    @Test
    void closingAfterAFailureElsewhereEndsTheRunningUploadAndDropsTheQueuedOnes() throws Exception {
        // after a failed step the request ends; an upload still running then would complete later (on Lambda once the frozen
        // instance thaws), after the state machine deleted the failed run's outputs
        CountDownLatch firstStarted = new CountDownLatch(1);
        AtomicBoolean firstEnded = new AtomicBoolean();
        List<String> reached = new CopyOnWriteArrayList<>();
        BackgroundUploads uploads = new BackgroundUploads((key, image) -> {
            reached.add(key);
            if (key.equals("running")) {
                firstStarted.countDown();
                try {
                    new CountDownLatch(1).await(); // a PutObject that would not end by itself
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    firstEnded.set(true);
                }
            }
        }, NO_RESERVE, 1);
        uploads.accept("running", IMAGE);
        uploads.accept("queued", IMAGE);
        assertTrue(firstStarted.await(30, TimeUnit.SECONDS));

        uploads.close();

        assertTrue(firstEnded.get(), "close returns only once the running upload has ended");
        assertEquals(List.of("running"), reached, "the queued upload never started");
        uploads.accept("after", IMAGE);
        assertEquals(List.of("running", "after"), reached, "after close an output uploads on its caller");
    }
}
