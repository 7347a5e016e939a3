package dev.pixelstep.operations.raster;

/**
 * SplitMix64's finaliser (Steele, Lea, Flood 2014): a bijection of 64-bit values whose output bits
 * each depend on every input bit. Operations that draw random-looking values from a seed and a
 * pixel's place ({@code noise}, {@code crystallize}) hash them with it, so their results depend on
 * nothing else: not on the order of work nor on the number of threads.
 */
public final class SplitMix64 {

    private SplitMix64() {
    }

    /** The hash of {@code z}. */
    public static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The hash of a seed and a place: distinct for distinct (seed, x, y) with x and y below 2^31. */
    public static long of(long seed, int x, int y) {
        return mix(mix(seed) ^ ((long) y << 32 | (x & 0xffffffffL)));
    }
}
