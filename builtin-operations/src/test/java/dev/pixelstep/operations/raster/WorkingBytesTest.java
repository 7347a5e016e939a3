package dev.pixelstep.operations.raster;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * {@link SeparableGaussian#workingBytes}, which blur and sharpen declare as their memory, against
 * what the kernels really allocate, on every thread, for images of any shape, any sigma and every
 * mode: the testkit contract checks one 512x384 image only, and the box filters' buffers are
 * padded by about 3 sigma, so thin and small images are where a formula goes wrong.
 */
class WorkingBytesTest {

    /** What a call allocates besides its buffers: the parallel stream, its lambdas and the kernel weights. */
    private static final long OVERHEAD = 64 * 1024;

    private static com.sun.management.ThreadMXBean threads;

    @BeforeAll
    static void counters() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled(), "no per-thread allocation counters");
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    @Test
    void workingBytesAreWhatTheBlurAllocatesOnAnyImage() {
        // issue 13: the box filters' strips are padded by the radius; blur declared 24 bytes a pixel and allocated 30-55
        Gen<Double> sigmas = Generate.oneOf(Generate.pick(List.of(0.5, 2.0, 4.0, 4.01, 10.0, 30.0, 100.0, SeparableGaussian.MAX_SIGMA)),
                doubles().between(0.5, SeparableGaussian.MAX_SIGMA));
        Gen<Integer> sides = Generate.oneOf(Generate.pick(List.of(1, 2, 511, 513, 1300)), integers().between(1, 700));
        Gen<SeparableGaussian.Mode> modes = Generate.enumValues(SeparableGaussian.Mode.class);
        qt().withExamples(60).withShrinkCycles(20).forAll(sides, sides, sigmas, modes).checkAssert((width, height, sigma, mode) -> {
            int[] source = ExactGaussianTest.random(width * height, width * 31L + height, mode == SeparableGaussian.Mode.PREMULTIPLIED);
            if (mode == SeparableGaussian.Mode.GRAY) {
                for (int i = 0; i < source.length; i++) {
                    source[i] = (source[i] & 0xff0000ff) | (source[i] & 0xff) << 16 | (source[i] & 0xff) << 8;
                }
            }
            int[] target = new int[source.length];
            SeparableGaussian.blur(source, target, width, height, sigma, mode); // warm-up: class loading is not the kernel's
            long before = allocated();
            SeparableGaussian.blur(source, target, width, height, sigma, mode);
            long allocated = allocated() - before;
            long declared = SeparableGaussian.workingBytes(width, height, sigma, mode);
            String what = mode + " " + width + "x" + height + " sigma " + sigma + ": allocated " + allocated + " bytes, declared " + declared;
            assertTrue(allocated <= declared + OVERHEAD, what);
            assertTrue(allocated >= 0.95 * declared - OVERHEAD, what + ": the declaration is far too high");
        });
    }

    private static long allocated() {
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            if (bytes > 0) {
                total += bytes;
            }
        }
        return total;
    }
}
