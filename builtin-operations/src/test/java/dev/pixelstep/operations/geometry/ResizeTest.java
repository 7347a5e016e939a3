package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.param.Parameters;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

class ResizeTest extends ImageOperationContract {

    private static final List<String> FITS = List.of("inside", "contain", "cover", "outside", "fill");
    private static final List<String> FILTERS = List.of("lanczos3", "bicubic", "bilinear", "nearest");

    @Override
    protected String operationName() {
        return "resize";
    }

    /** Half the default: the edge values 8192 make 50-67 MP images in the edge-value property. */
    @Override
    protected int examples() {
        return 20;
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false;
    }

    /** Boxes up to 160 px (and 0, not given) so enlarging stays small; every fit, position and filter. */
    @Override
    protected Gen<Parameters> parameterValues() {
        ImageOperation op = operation();
        Gen<Integer> side = Generate.oneOf(Generate.pick(List.of(0, 1, 2)), integers().between(1, 160));
        Gen<String> fit = Generate.pick(FITS);
        Gen<String> position = Generate.pick(Resize.POSITION.choices());
        Gen<String> filter = Generate.pick(FILTERS);
        Gen<Boolean> flag = booleans().all();
        Gen<Parameters> gen = in -> {
            Map<String, Object> values = new HashMap<>();
            values.put("width", side.generate(in));
            values.put("height", side.generate(in));
            values.put("fit", fit.generate(in));
            values.put("position", position.generate(in));
            values.put("filter", filter.generate(in));
            values.put("without-enlargement", flag.generate(in));
            values.put("enlarge", flag.generate(in));
            values.put("background", "#336699");
            return Parameters.of(op, values);
        };
        return gen.describedAs(p -> "resize" + p.asText());
    }

    @Test
    void aWidthAloneEnlargesA64x48ImageTo800x600LikeSharp() {
        // issue 15: resize(width=800) on a 64x48 image returned it unchanged (enlarging was off by default)
        BufferedImage out = BuiltIns.apply("resize(width=800)", Pixels.image(64, 48, false, new int[64 * 48]));
        assertEquals(800, out.getWidth());
        assertEquals(600, out.getHeight());
    }

    @Test
    void noSideExceedsTheLargestBox() {
        // a width alone on a 1x24 image asked for 8192x196608 (1.6 GP, out of memory in the contract's edge values)
        BufferedImage out = BuiltIns.apply("resize(width=8192)", Pixels.image(1, 24, false, new int[24]));
        assertEquals("341x8192", out.getWidth() + "x" + out.getHeight());
        theory().forAll(Images.sizes(64), Generate.pick(FITS)).checkAssert((size, fit) -> {
            var planned = operation().outputSize(size, BuiltIns.REGISTRY.parse("resize(width=8192, height=8192, fit=" + fit + ")")
                    .steps().get(0).parameters());
            assertTrue(planned.width() <= Resize.MAX && planned.height() <= Resize.MAX, planned.toString());
        });
    }

    @Test
    void withoutEnlargementAndTheOlderEnlargeFalseKeepASmallerImage() {
        theory().forAll(Images.upTo(32), integers().between(33, 100)).checkAssert((sample, side) -> {
            for (String chain : List.of("resize(width=" + side + ", without-enlargement=true)",
                    "resize(width=" + side + ", height=" + side + ", enlarge=false)")) {
                BufferedImage out = BuiltIns.apply(chain, sample.image());
                assertEquals(sample.width() + "x" + sample.height(), out.getWidth() + "x" + out.getHeight(), chain);
            }
        });
    }

    @Test
    void noSideGivenKeepsTheImageExactly() {
        theory().forAll(Images.any()).checkAssert(sample ->
                assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("resize(fit=cover)", sample.image()))));
    }

    @Test
    void insideFitsTheBoxKeepingTheAspectRatio() {
        theory().forAll(Images.any(), integers().between(1, 100), integers().between(1, 100), booleans().all())
                .checkAssert((sample, width, height, enlarge) -> {
                    BufferedImage out = BuiltIns.apply("resize(width=" + width + ", height=" + height + ", enlarge=" + enlarge + ")", sample.image());
                    assertTrue(out.getWidth() <= width && out.getHeight() <= height, "fits the box");
                    if (!enlarge) {
                        assertTrue(out.getWidth() <= sample.width() && out.getHeight() <= sample.height(), "never enlarges");
                    }
                    boolean touches = out.getWidth() == width || out.getHeight() == height
                            || (!enlarge && out.getWidth() == sample.width() && out.getHeight() == sample.height());
                    assertTrue(touches, "as large as allowed: " + out.getWidth() + "x" + out.getHeight());
                    assertAspectKept(sample.width(), sample.height(), out.getWidth(), out.getHeight());
                });
    }

    @Test
    void containFillsTheBoxAndTheImageInsideFitsItKeepingTheAspectRatio() {
        theory().forAll(Images.sizes(64), integers().between(1, 100), integers().between(1, 100), Generate.pick(FILTERS))
                .checkAssert((size, width, height, filter) -> {
                    int red = 0xffff0000;
                    int[] flat = new int[size.width() * size.height()];
                    java.util.Arrays.fill(flat, red);
                    BufferedImage out = BuiltIns.apply("resize(width=" + width + ", height=" + height + ", fit=contain, background=blue, filter="
                            + filter + ")", Pixels.image(size.width(), size.height(), false, flat));
                    assertEquals(width + "x" + height, out.getWidth() + "x" + out.getHeight(), "the box");
                    int[] px = Pixels.argb(out);
                    int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1, count = 0;
                    for (int i = 0; i < px.length; i++) {
                        if (px[i] == red) {
                            minX = Math.min(minX, i % width);
                            maxX = Math.max(maxX, i % width);
                            minY = Math.min(minY, i / width);
                            maxY = Math.max(maxY, i / width);
                            count++;
                        } else {
                            assertEquals(0xff0000ff, px[i], "only image and background");
                        }
                    }
                    int w = maxX - minX + 1;
                    int h = maxY - minY + 1;
                    assertEquals(w * h, count, "the image is one rectangle");
                    assertTrue(w == width || h == height, "touches the box: " + w + "x" + h);
                    assertAspectKept(size.width(), size.height(), w, h);
                    assertTrue(Math.abs(minX - (width - maxX - 1)) <= 1 && Math.abs(minY - (height - maxY - 1)) <= 1, "centred");
                });
    }

    @Test
    void coverFillsTheBoxAndFillIsExactlyTheBox() {
        theory().forAll(Images.any(), integers().between(1, 100), integers().between(1, 100), Generate.pick(List.of("cover", "fill")))
                .checkAssert((sample, width, height, fit) -> {
                    BufferedImage out = BuiltIns.apply("resize(width=" + width + ", height=" + height + ", fit=" + fit + ")", sample.image());
                    assertEquals(width + "x" + height, out.getWidth() + "x" + out.getHeight());
                });
    }

    @Test
    void outsideCoversTheBoxKeepingTheAspectRatio() {
        theory().forAll(Images.any(), integers().between(1, 100), integers().between(1, 100)).checkAssert((sample, width, height) -> {
            BufferedImage out = BuiltIns.apply("resize(width=" + width + ", height=" + height + ", fit=outside)", sample.image());
            assertTrue(out.getWidth() >= width && out.getHeight() >= height || Math.max(out.getWidth(), out.getHeight()) == Resize.MAX,
                    "covers the box");
            assertTrue(out.getWidth() == width || out.getHeight() == height, "as small as allowed");
            assertAspectKept(sample.width(), sample.height(), out.getWidth(), out.getHeight());
        });
    }

    @Test
    void coverKeepsThePartAtItsCompassPosition() {
        // 200x100: left half black, right half white; cover to 100x100 keeps one half exactly (no scaling)
        int[] px = new int[200 * 100];
        for (int i = 0; i < px.length; i++) {
            px[i] = i % 200 < 100 ? 0 : 0xffffff;
        }
        BufferedImage image = Pixels.image(200, 100, false, px);
        assertEquals(0xff000000, mean(BuiltIns.apply("resize(width=100, height=100, fit=cover, position=west)", image)));
        assertEquals(0xffffffff, mean(BuiltIns.apply("resize(width=100, height=100, fit=cover, position=southeast)", image)));
        BufferedImage centre = BuiltIns.apply("resize(width=100, height=100, fit=cover)", image);
        assertEquals(0xff000000, Pixels.argb(centre)[49]);
        assertEquals(0xffffffff, Pixels.argb(centre)[50]);
    }

    @Test
    void coverByEntropyKeepsTheDetailedPartOfAFlatImage() {
        // 300x100, black but for noise in columns 200-299: the window with the most entropy is the noise
        Random random = new Random(7);
        int[] px = new int[300 * 100];
        for (int i = 0; i < px.length; i++) {
            px[i] = i % 300 >= 200 ? random.nextInt() & 0xffffff : 0;
        }
        BufferedImage out = BuiltIns.apply("resize(width=100, height=100, fit=cover, position=entropy)", Pixels.image(300, 100, false, px));
        int x0 = locate(px, 300, Pixels.argb(out), 100);
        assertTrue(x0 >= 185 && x0 <= 200, "kept columns from " + x0);
    }

    @Test
    void coverByAttentionKeepsTheSaturatedSubject() {
        // 300x100 mid grey with a red 40x40 square at x = 20..59
        int[] px = new int[300 * 100];
        for (int i = 0; i < px.length; i++) {
            int x = i % 300;
            int y = i / 300;
            px[i] = x >= 20 && x < 60 && y >= 30 && y < 70 ? 0xdd2020 : 0x808080;
        }
        BufferedImage out = BuiltIns.apply("resize(width=100, height=100, fit=cover, position=attention)", Pixels.image(300, 100, false, px));
        int x0 = locate(px, 300, Pixels.argb(out), 100);
        assertTrue(x0 <= 20 && x0 + 100 >= 60, "the square is kept: columns from " + x0);
    }

    @Test
    void everyFilterKeepsAFlatImageFlat() {
        theory().forAll(Images.flat(64), integers().between(1, 150), Generate.pick(FILTERS)).checkAssert((sample, side, filter) -> {
            int[] in = Pixels.visible(sample.image());
            for (int p : Pixels.visible(BuiltIns.apply("resize(width=" + side + ", height=" + side + ", filter=" + filter + ")", sample.image()))) {
                assertEquals(in[0], p);
            }
        });
    }

    @Test
    void nearestDoublingRepeatsEveryPixel() {
        theory().forAll(Images.upTo(32)).checkAssert(sample -> {
            BufferedImage in = sample.image();
            BufferedImage out = BuiltIns.apply("resize(width=" + 2 * in.getWidth() + ", height=" + 2 * in.getHeight() + ", fit=fill, filter=nearest)", in);
            int[] a = Pixels.visible(in);
            int[] b = Pixels.visible(out);
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    assertEquals(a[y / 2 * in.getWidth() + x / 2], b[y * out.getWidth() + x]);
                }
            }
        });
    }

    @Test
    void shrinkingAFineCheckerboardALotGivesMidGrey() {
        // antialiased through the box reduction: a 1-pixel checkerboard shrunk 50 times averages to grey, with every filter
        int[] px = new int[1000 * 1000];
        for (int i = 0; i < px.length; i++) {
            px[i] = ((i % 1000) + (i / 1000)) % 2 == 0 ? 0xffffff : 0;
        }
        BufferedImage image = Pixels.image(1000, 1000, false, px);
        for (String filter : List.of("lanczos3", "bicubic", "bilinear")) {
            for (int p : Pixels.argb(BuiltIns.apply("resize(width=20, filter=" + filter + ")", image))) {
                assertTrue(Math.abs(Pixels.red(p) - 128) <= 2, filter + ": " + Integer.toHexString(p));
            }
        }
    }

    private static void assertAspectKept(int sw, int sh, int w, int h) {
        // both sides scaled by one factor, each rounded (at most half a pixel) or raised to 1
        long skew = Math.abs((long) w * sh - (long) h * sw);
        assertTrue(skew <= sw + sh, "aspect ratio kept: " + sw + "x" + sh + " -> " + w + "x" + h);
    }

    private static int mean(BufferedImage image) {
        int[] px = Pixels.argb(image);
        for (int p : px) {
            assertEquals(px[0], p, "one colour");
        }
        return px[0];
    }

    /** The column where {@code crop} (width {@code cw}, the source's height) starts in {@code source}. */
    private static int locate(int[] source, int sw, int[] crop, int cw) {
        int h = crop.length / cw;
        for (int x0 = 0; x0 + cw <= sw; x0++) {
            boolean same = true;
            for (int i = 0; i < crop.length && same; i++) {
                same = (crop[i] & 0xffffff) == (source[(i / cw) * sw + x0 + i % cw] & 0xffffff);
            }
            if (same && h > 0) {
                return x0;
            }
        }
        throw new AssertionError("the result is no crop of the source");
    }
}
