package dev.pixelstep.spi;

import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One image operation of a pixelstep chain, such as {@code grayscale} or {@code blur(radius=4)}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #name()} is unique among all operations on the class path, lower-case and matches
 *       {@code [a-z][a-z0-9-]*} (see {@link #NAME_PATTERN}); it is what users write in the
 *       {@code operations} metadata.</li>
 *   <li>{@link #parameters()} declares every parameter the operation reads, each with a type, a
 *       default and its allowed values. The list is fixed for the lifetime of the instance.</li>
 *   <li>{@link #apply(BufferedImage, Parameters)} <b>never mutates its input</b>: it returns a new
 *       image that shares no pixel storage with {@code source}. It is deterministic (the same
 *       pixels and parameters give the same pixels), thread-safe (one instance is shared by all
 *       threads) and accepts any image type; it returns {@link BufferedImage#TYPE_INT_RGB}, or
 *       {@link BufferedImage#TYPE_INT_ARGB} when the source has an alpha channel and
 *       {@link #keepsAlpha()} is true, or when {@link #addsAlpha()} is true.</li>
 *   <li>The result's size is {@link #outputSize(ImageSize, Parameters)}, computed from sizes alone:
 *       it is how a chain is planned (and refused when a step's result would be too large) before
 *       any pixel is decoded.</li>
 *   <li>Its cost per output pixel is {@link #cost(ImageSize, Parameters)} (work and memory, see
 *       {@link OperationCost} for the units): a chain's work and peak memory are planned from it and
 *       checked against the function's budget before any work starts.</li>
 *   <li>Long work checks {@link Cancellation#current()} (per band of rows, or every few rows of a
 *       long single-threaded loop) so that a request past its deadline stops.</li>
 *   <li>Parameters are already validated against {@link #parameters()} when {@code apply} is called
 *       (the {@link Parameters} type guarantees it); implementations do not re-check ranges.</li>
 * </ul>
 *
 * <h2>Registering an operation</h2>
 * Implementations are found with {@link java.util.ServiceLoader}: add the fully qualified class
 * name to {@code META-INF/services/dev.pixelstep.spi.ImageOperation} in the jar, and give the
 * class a public no-argument constructor. The jar then works as a Lambda layer
 * ({@code java/lib/<name>.jar}) stacked on the pixelstep layer, or as a plugin of the local runtime.
 */
public interface ImageOperation {

    /** The rule every operation and parameter name follows. */
    String NAME_PATTERN = "[a-z][a-z0-9-]*";

    /** The name users write in a chain; unique, lower-case, matching {@link #NAME_PATTERN}. */
    String name();

    /** One line saying what the operation does, shown by the CLI and the web page. */
    String description();

    /** The declared parameters, in the order the canonical chain form lists them. May be empty. */
    List<Parameter<?>> parameters();

    /**
     * Applies the operation to {@code source} and returns a new image; {@code source} is left
     * untouched.
     *
     * @param source     the image to read; never modified
     * @param parameters values for every declared parameter, already range-checked
     * @return a new image of size {@link #outputSize(ImageSize, Parameters)}
     */
    BufferedImage apply(BufferedImage source, Parameters parameters);

    /**
     * The size of the image {@link #apply} returns for a source of the given size. Operations
     * that change geometry (resize, crop, rotate) override it; the default keeps the size.
     */
    default ImageSize outputSize(ImageSize source, Parameters parameters) {
        return source;
    }

    /**
     * What applying the operation to a source of the given size costs, per pixel of its output:
     * work units and heap bytes (see {@link OperationCost} for the units and how to measure them).
     * The planner multiplies both by the pixels of {@link #outputSize(ImageSize, Parameters)}.
     *
     * <p>Operations whose cost grows with a parameter (a blur's radius) or with the ratio of source
     * to output (a shrinking resize reads many source pixels per output pixel) override it; the
     * default, {@link OperationCost#DEFAULT}, is a cheap point operation that keeps one working
     * copy. It must be fast and must not look at pixels.
     *
     * @param source     the size of the image the operation is applied to
     * @param parameters values for every declared parameter, already range-checked
     */
    default OperationCost cost(ImageSize source, Parameters parameters) {
        return OperationCost.DEFAULT;
    }

    /**
     * Whether a source with an alpha channel gives a result with an alpha channel. Operations
     * that keep it also keep every pixel's alpha value unless they move pixels.
     */
    default boolean keepsAlpha() {
        return true;
    }

    /**
     * Whether the result always has an alpha channel ({@link BufferedImage#TYPE_INT_ARGB}), even for
     * an opaque source: operations that make pixels transparent (rounded corners, a shadow on a
     * transparent canvas). The processor writes such a result with its alpha where the output
     * format has one (PNG) and composited onto white in JPEG. The default is false.
     */
    default boolean addsAlpha() {
        return false;
    }
}
