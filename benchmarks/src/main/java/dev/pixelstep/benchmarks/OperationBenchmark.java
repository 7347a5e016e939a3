package dev.pixelstep.benchmarks;

import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.registry.OperationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;

/**
 * Every built-in operation, as users write it in a chain, on the 12 MP photo. Each figure is read
 * against {@link ReferenceBenchmark#copyPixels}, the memory-bandwidth floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Djava.awt.headless=true"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class OperationBenchmark {

    /** One step of chain text per built-in operation, at defaults unless a default would do nothing. */
    @Param({"grayscale", "sepia", "invert", "brightness", "contrast", "saturation", "hue-rotate", "posterize",
            "threshold", "solarize", "blur", "blur(radius=10)", "sharpen", "edge-detect", "emboss", "pixelate",
            "vignette", "rotate", "rotate-free", "flip", "resize(width=1000)", "crop(x=500, y=500, width=3000, height=2000)",
            "thumbnail", "smart-crop(width=1000)", "extend(top=200)",
            "normalize", "equalize", "clahe", "gamma", "levels(black=20)", "curves(shadows=40)",
            "tint", "modulate(hue=30)", "temperature", "channel-mix(rb=0.2)", "negate(green=false)", "flatten",
            "median", "unsharp-mask", "noise", "convolve",
            "border(width=100)", "rounded-corners(radius=200)", "watermark-text", "shadow",
            "oil-paint", "pencil-sketch", "cartoon", "halftone", "glow", "motion-blur", "zoom-blur", "lens-blur", "crystallize",
            "vintage"})
    public String chain;

    private OperationChain operation;

    /** Parses the chain against the built-in registry. */
    @Setup
    public void parse() {
        operation = OperationRegistry.load(OperationBenchmark.class.getClassLoader()).parse(chain);
    }

    /** Applies the operation to the photo. */
    @Benchmark
    public BufferedImage apply(TwelveMegapixelPhoto photo) {
        return operation.apply(photo.image);
    }
}
