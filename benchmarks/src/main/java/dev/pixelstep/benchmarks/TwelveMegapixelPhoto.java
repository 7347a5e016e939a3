package dev.pixelstep.benchmarks;

import dev.pixelstep.testkit.photos.BenchmarkImages;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The benchmark input: a real photo (mate-backgrounds' Aqua.jpg, via TestPhotos) scaled to
 * 4000x3000 {@code TYPE_INT_RGB}, 12 MP, made once per trial.
 */
@State(Scope.Benchmark)
public class TwelveMegapixelPhoto {

    /** The photo; operations never modify it. */
    public BufferedImage image;

    /** Its packed pixels, for the memory-bandwidth reference. */
    public int[] pixels;

    /** Decodes and scales the photo. */
    @Setup(Level.Trial)
    public void load() {
        image = BenchmarkImages.twelveMegapixels();
        pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
