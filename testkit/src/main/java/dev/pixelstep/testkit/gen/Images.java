package dev.pixelstep.testkit.gen;

import dev.pixelstep.spi.ImageSize;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.Arrays;
import java.util.List;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * QuickTheories generators of test images: every {@link ImageType}, every {@link ImageContent},
 * sizes from 1x1 up to a bound, with thin 1xN and Nx1 shapes drawn often. Shrinking goes towards
 * small, plain images.
 */
public final class Images {

    /** The default bound of both dimensions: small enough for thousands of examples per second. */
    public static final int DEFAULT_MAX_SIDE = 64;

    private Images() {
    }

    /** Images of every type and content, each side 1..{@value #DEFAULT_MAX_SIDE}. */
    public static Gen<SampleImage> any() {
        return of(DEFAULT_MAX_SIDE, ImageType.values());
    }

    /** Images of every type and content with each side at most {@code maxSide}. */
    public static Gen<SampleImage> upTo(int maxSide) {
        return of(maxSide, ImageType.values());
    }

    /** Images of the given types with an alpha channel and real transparency. */
    public static Gen<SampleImage> withAlpha() {
        return of(DEFAULT_MAX_SIDE, Arrays.stream(ImageType.values()).filter(ImageType::hasAlpha).toArray(ImageType[]::new));
    }

    /** Images of the given types, every content, each side 1..{@code maxSide}. */
    public static Gen<SampleImage> of(int maxSide, ImageType... types) {
        if (maxSide < 1 || types.length == 0) {
            throw new IllegalArgumentException("need maxSide >= 1 and at least one type");
        }
        Gen<ImageType> type = Generate.pick(List.of(types));
        Gen<ImageContent> content = Generate.pick(List.of(ImageContent.values()));
        Gen<ImageSize> size = sizes(maxSide);
        Gen<Long> seed = longs().all();
        Gen<SampleImage> gen = in -> {
            ImageSize s = size.generate(in);
            return new SampleImage(type.generate(in), content.generate(in), s.width(), s.height(), seed.generate(in));
        };
        return gen.describedAs(SampleImage::toString);
    }

    /**
     * Images with the given contents and types whose sides are each between {@code minSide} and
     * {@code maxSide} (no thin shapes unless {@code minSide} is 1), e.g. large-enough noise for a
     * smoothing property.
     */
    public static Gen<SampleImage> of(int minSide, int maxSide, List<ImageContent> contents, ImageType... types) {
        if (minSide < 1 || maxSide < minSide || contents.isEmpty() || types.length == 0) {
            throw new IllegalArgumentException("need 1 <= minSide <= maxSide, a content and a type");
        }
        Gen<ImageType> type = Generate.pick(List.of(types));
        Gen<ImageContent> content = Generate.pick(List.copyOf(contents));
        Gen<Integer> side = integers().between(minSide, maxSide);
        Gen<Long> seed = longs().all();
        Gen<SampleImage> gen = in -> new SampleImage(type.generate(in), content.generate(in), side.generate(in),
                side.generate(in), seed.generate(in));
        return gen.describedAs(SampleImage::toString);
    }

    /** Flat (one-colour) images of every type, sides 1..{@code maxSide}. */
    public static Gen<SampleImage> flat(int maxSide) {
        return of(1, maxSide, List.of(ImageContent.FLAT), ImageType.values());
    }

    /**
     * Image sizes up to {@code maxSide} on each side: one in ten is 1x1, three in ten 1xN, three
     * in ten Nx1, the rest anything.
     */
    public static Gen<ImageSize> sizes(int maxSide) {
        Gen<Integer> shape = integers().between(0, 9);
        Gen<Integer> side = integers().between(1, maxSide);
        Gen<ImageSize> gen = in -> {
            int kind = shape.generate(in);
            int a = side.generate(in);
            int b = side.generate(in);
            if (kind == 0) {
                return new ImageSize(1, 1);
            }
            if (kind <= 3) {
                return new ImageSize(1, a);
            }
            if (kind <= 6) {
                return new ImageSize(a, 1);
            }
            return new ImageSize(a, b);
        };
        return gen.describedAs(ImageSize::toString);
    }
}
