package dev.pixelstep.testkit;

import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.chain.InvalidChainException;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.param.InvalidParameterException;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;
import dev.pixelstep.spi.registry.OperationRegistry;
import dev.pixelstep.testkit.gen.Images;
import dev.pixelstep.testkit.gen.ParameterValues;
import dev.pixelstep.testkit.gen.ParameterValues.OutOfRange;
import dev.pixelstep.testkit.gen.SampleImage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Random;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract every {@link ImageOperation} must keep, as JUnit 5 tests with QuickTheories
 * properties. A plugin's test extends it and names its operation:
 *
 * <pre>{@code
 * class WatermarkTest extends ImageOperationContract {
 *     protected String operationName() { return "watermark"; }
 * }
 * }</pre>
 *
 * It checks that the operation is found by {@link java.util.ServiceLoader} under its name, declares
 * valid metadata, never mutates its input, is deterministic, returns a new image of the declared
 * size and type that shares no pixel storage with the input, accepts every valid image and value,
 * refuses values outside the declared ranges with messages naming the parameter and the range,
 * keeps alpha as it says, declares a cost ({@link ImageOperation#cost}) whose memory covers what
 * it really allocates, and that its canonical chain text reads back. Failures print the
 * QuickTheories seed and the smallest failing image and parameters, e.g.
 * {@code ARGB 7x1 noise seed=42}.
 *
 * <p>Hooks: {@link #examples()}, {@link #images()}, {@link #parameterValues()},
 * {@link #keepsEveryPixelsAlpha()} and {@link #alphaTolerance()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ImageOperationContract {

    /**
     * Shrink cycles of a failing property (each runs the property once more on a simpler case):
     * enough to simplify a failing image or value a good deal, few enough that a failure is
     * reported in seconds. QuickTheories' own default is 100 per default example, 100,000, which
     * took over 15 minutes for a blur that failed the allocation property.
     */
    protected static final int SHRINK_CYCLES = 100;

    /**
     * Shrink cycles of {@link #allocatesNoMoreHeapThanItsCostDeclares()}, each of which applies the
     * operation twice to a 512x384 image; its fixed cases come first and are not shrunk.
     */
    protected static final int ALLOCATION_SHRINK_CYCLES = 10;

    /** The allocation property's fixed cases produce at most this many times the pixels of its image. */
    static final int ALLOCATION_MAX_GROWTH = 16;

    private OperationRegistry registry;

    /** The name of the operation under test, as registered. */
    protected abstract String operationName();

    /** Examples per property; lower it for slow operations. */
    protected int examples() {
        return 40;
    }

    /** The images the properties run on; by default every type and content, each side 1..64. */
    protected Gen<SampleImage> images() {
        return Images.any();
    }

    /**
     * The parameter values the properties run with; by default every declared parameter drawn from
     * its range, edges included. Override to bound values whose cost grows with the value (an
     * enlarging resize), keeping the edges that matter.
     */
    protected Gen<Parameters> parameterValues() {
        return ParameterValues.of(operation());
    }

    /**
     * Whether every output pixel has the alpha of the input pixel at the same place (for sources
     * with alpha). True for operations that change colours only; operations that move or mix
     * pixels (geometry, blur) return false.
     */
    protected boolean keepsEveryPixelsAlpha() {
        return operation().keepsAlpha();
    }

    /** How far an output alpha may differ from the input alpha where {@link #keepsEveryPixelsAlpha()}. */
    protected int alphaTolerance() {
        return 0;
    }

    /** The registry of everything on the test class path, loaded once per test class. */
    protected final OperationRegistry registry() {
        if (registry == null) {
            registry = OperationRegistry.load(getClass().getClassLoader());
        }
        return registry;
    }

    /** The operation under test, as found by {@link java.util.ServiceLoader}. */
    protected final ImageOperation operation() {
        return registry().find(operationName()).orElseThrow(() -> new AssertionError("no operation named '"
                + operationName() + "' is registered in META-INF/services/" + ImageOperation.class.getName()
                + "; registered: " + registry().names()));
    }

    /** A QuickTheories runner with {@link #examples()} examples and {@link #SHRINK_CYCLES} shrink cycles. */
    protected final QuickTheory theory() {
        return QuickTheory.qt().withExamples(examples()).withShrinkCycles(SHRINK_CYCLES);
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        ImageOperation op = operation();
        assertEquals(operationName(), op.name());
    }

    @Test
    void declaresValidMetadata() {
        ImageOperation op = operation();
        assertTrue(op.name().matches(ImageOperation.NAME_PATTERN), "name '" + op.name() + "' must match " + ImageOperation.NAME_PATTERN);
        assertNotNull(op.description(), "description");
        assertFalse(op.description().isBlank(), "description must say what the operation does");
        assertFalse(op.description().contains("\n"), "description is one line");
        List<Parameter<?>> parameters = op.parameters();
        assertEquals(parameters, op.parameters(), "parameters() is fixed");
        Set<String> names = new HashSet<>();
        for (Parameter<?> p : parameters) {
            assertTrue(names.add(p.name()), "parameter '" + p.name() + "' is declared twice");
            assertFalse(p.description().isBlank(), "parameter '" + p.name() + "' needs a description");
            assertFalse(p.allowed().isBlank(), "parameter '" + p.name() + "' must say what is allowed");
            assertEquals(p.defaultValue(), readBack(op, p, p.defaultValue()), "default of '" + p.name() + "' reads back");
            for (Object edge : ParameterValues.edgeValues(p)) {
                assertEquals(p.validate(edge), readBack(op, p, edge), "value " + edge + " of '" + p.name() + "' reads back");
            }
            assertEquals(p.name(), p.describe().get("name"));
        }
        Map<String, Object> description = registry().describe().stream()
                .filter(d -> op.name().equals(d.get("name"))).findFirst().orElseThrow();
        assertEquals(op.description(), description.get("description"));
    }

    /**
     * {@code value} written in its canonical form into a chain and read back by the chain parser, as
     * users' values are (a text's quotes and escapes are the parser's, not the parameter's).
     */
    private Object readBack(ImageOperation op, Parameter<?> p, Object value) {
        return registry().parse(op.name() + "(" + p.name() + "=" + p.formatValue(value) + ")").steps().get(0).parameters().get(p.name());
    }

    @Test
    void neverMutatesItsInput() {
        ImageOperation op = operation();
        theory().forAll(images(), parameterValues()).checkAssert((sample, parameters) -> {
            BufferedImage source = sample.image();
            ImageSnapshot before = ImageSnapshot.of(source);
            op.apply(source, parameters);
            String difference = before.difference(ImageSnapshot.of(source));
            assertEquals("", difference, "the input was modified");
        });
    }

    @Test
    void isDeterministic() {
        ImageOperation op = operation();
        theory().forAll(images(), parameterValues()).checkAssert((sample, parameters) -> {
            int[] first = Pixels.argb(op.apply(sample.image(), parameters));
            int[] second = Pixels.argb(op.apply(sample.image(), parameters));
            assertArrayEquals(first, second, "two applications to the same pixels differ");
        });
    }

    @Test
    void returnsANewImageOfTheDeclaredSizeAndType() {
        ImageOperation op = operation();
        theory().forAll(images(), parameterValues()).checkAssert((sample, parameters) -> {
            BufferedImage source = sample.image();
            BufferedImage result = op.apply(source, parameters);
            assertNotNull(result, "apply returned null");
            assertNotSame(source, result, "apply must return a new image");
            assertNotSame(source.getRaster().getDataBuffer(), result.getRaster().getDataBuffer(),
                    "the result shares pixel storage with the input");
            assertEquals(op.outputSize(ImageSize.of(source), parameters), ImageSize.of(result), "result size");
            int expected = source.getColorModel().hasAlpha() && op.keepsAlpha() || op.addsAlpha()
                    ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
            assertEquals(typeName(expected), typeName(result.getType()), "result type");
        });
    }

    @Test
    void acceptsTheEdgeValuesOfEveryParameter() {
        ImageOperation op = operation();
        List<Parameter<?>> parameters = op.parameters();
        Assumptions.assumeFalse(parameters.isEmpty(), "no parameters");
        theory().withExamples(Math.max(4, examples() / 4)).forAll(images()).checkAssert(sample -> {
            for (Parameter<?> p : parameters) {
                for (Object edge : ParameterValues.edgeValues(p)) {
                    Parameters values = Parameters.of(op, Map.of(p.name(), edge));
                    BufferedImage result = op.apply(sample.image(), values);
                    assertEquals(op.outputSize(ImageSize.of(sample.image()), values), ImageSize.of(result),
                            "size with " + p.name() + "=" + p.formatValue(edge));
                }
            }
        });
    }

    @Test
    void refusesValuesOutsideTheDeclaredRanges() {
        ImageOperation op = operation();
        List<OutOfRange> outside = op.parameters().stream().flatMap(p -> ParameterValues.outOfRange(p).stream()).toList();
        Assumptions.assumeFalse(outside.isEmpty(), "no parameter has values outside its range");
        for (OutOfRange bad : outside) {
            String chain = op.name() + "(" + bad.parameter().name() + "=" + bad.text() + ")";
            InvalidChainException e = assertThrows(InvalidChainException.class, () -> registry().parse(chain),
                    "'" + chain + "' must be refused");
            assertEquals(InvalidChainException.Reason.INVALID_VALUE, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains(bad.parameter().name()), "message names the parameter: " + e.getMessage());
            assertTrue(e.getMessage().contains(bad.parameter().allowed()), "message says what is allowed: " + e.getMessage());
            InvalidParameterException p = assertThrows(InvalidParameterException.class,
                    () -> Parameters.of(op, Map.of(bad.parameter().name(), bad.value())), bad + " must be refused in code too");
            assertEquals(bad.parameter().name(), p.parameter());
            assertTrue(p.getMessage().contains(bad.parameter().allowed()), "message says what is allowed: " + p.getMessage());
        }
    }

    @Test
    void keepsAlphaAsItSays() {
        ImageOperation op = operation();
        Assumptions.assumeTrue(op.keepsAlpha(), "the operation drops alpha");
        theory().forAll(Images.withAlpha(), parameterValues()).checkAssert((sample, parameters) -> {
            BufferedImage source = sample.image();
            BufferedImage result = op.apply(source, parameters);
            assertEquals(typeName(BufferedImage.TYPE_INT_ARGB), typeName(result.getType()), "alpha in, alpha out");
            if (keepsEveryPixelsAlpha()) {
                int[] in = Pixels.argb(source);
                int[] out = Pixels.argb(result);
                assertEquals(in.length, out.length, "size");
                for (int i = 0; i < in.length; i++) {
                    if (Math.abs(Pixels.alpha(in[i]) - Pixels.alpha(out[i])) > alphaTolerance()) {
                        fail("pixel " + i + " alpha changed from " + Pixels.alpha(in[i]) + " to " + Pixels.alpha(out[i]));
                    }
                }
            }
        });
    }

    @Test
    void declaresACostThatCountsAtLeastItsResult() {
        ImageOperation op = operation();
        theory().forAll(images(), parameterValues()).checkAssert((sample, parameters) -> {
            OperationCost cost = op.cost(ImageSize.of(sample.image()), parameters);
            assertNotNull(cost, "cost(...) returned null; return OperationCost.DEFAULT or a measured cost");
            assertTrue(cost.bytes() >= 4, "the declared bytes per output pixel (" + cost.bytes()
                    + ") must count at least the result itself, 4 bytes a pixel");
        });
    }

    /**
     * For an operation that declares its cost (overrides {@link ImageOperation#cost}): the heap an
     * application allocates, on every thread, per output pixel, is at most what it declares (with
     * 2% and 256 KB of slack for per-call tables and row buffers). Allocation is an upper bound of
     * what is held at the peak, so a declaration that passes is safe for planning. Measured on a
     * 512x384 image with alpha (the costlier case for operations that treat alpha separately),
     * after one warm-up application: first for fixed cases, the defaults and every edge value of
     * every parameter (the others at their defaults; a blur's largest radius is its largest
     * padding) whose output has at most {@value #ALLOCATION_MAX_GROWTH} times the image's pixels,
     * then for a few values from {@link #parameterValues()}, shrunk for at most
     * {@link #ALLOCATION_SHRINK_CYCLES} cycles, so that a failure is reported in seconds.
     * Operations that declare nothing get {@link OperationCost#DEFAULT} and are not held to it:
     * per-pixel {@code getRGB} calls allocate garbage that is never held at once.
     */
    @Test
    void allocatesNoMoreHeapThanItsCostDeclares() throws NoSuchMethodException {
        ImageOperation op = operation();
        Assumptions.assumeFalse(op.getClass().getMethod("cost", ImageSize.class, Parameters.class).getDeclaringClass()
                == ImageOperation.class, "the operation declares no cost; it is planned with OperationCost.DEFAULT");
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM cannot count allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        BufferedImage source = new BufferedImage(512, 384, BufferedImage.TYPE_INT_ARGB);
        Random random = new Random(42);
        for (int y = 0; y < source.getHeight(); y++) {
            for (int x = 0; x < source.getWidth(); x++) {
                source.setRGB(x, y, random.nextInt());
            }
        }
        ImageSize size = ImageSize.of(source);
        for (Parameters parameters : allocationCases(op, size)) {
            assertAllocatesNoMoreThanDeclared(op, source, parameters, threads);
        }
        theory().withExamples(Math.max(4, examples() / 8)).withShrinkCycles(ALLOCATION_SHRINK_CYCLES).forAll(parameterValues())
                .checkAssert(parameters -> assertAllocatesNoMoreThanDeclared(op, source, parameters, threads));
    }

    /** The defaults, then each edge value of each parameter with the others at their defaults, if the output stays moderate. */
    private static List<Parameters> allocationCases(ImageOperation op, ImageSize size) {
        List<Parameters> cases = new java.util.ArrayList<>();
        cases.add(Parameters.defaults(op));
        for (Parameter<?> p : op.parameters()) {
            for (Object edge : ParameterValues.edgeValues(p)) {
                Parameters values = Parameters.of(op, Map.of(p.name(), edge));
                if (!cases.contains(values) && op.outputSize(size, values).pixels() <= ALLOCATION_MAX_GROWTH * size.pixels()) {
                    cases.add(values);
                }
            }
        }
        return cases;
    }

    private static void assertAllocatesNoMoreThanDeclared(ImageOperation op, BufferedImage source, Parameters parameters,
                                                          com.sun.management.ThreadMXBean threads) {
        ImageSize size = ImageSize.of(source);
        op.apply(source, parameters); // warm-up: class loading and first-call tables are not the operation's cost
        long before = allocated(threads);
        BufferedImage result = op.apply(source, parameters);
        long allocated = allocated(threads) - before;
        long declared = op.cost(size, parameters).bytesFor(ImageSize.of(result));
        assertTrue(allocated <= declared * 1.02 + 256 * 1024, "applied with " + new ChainStep(op, parameters) + " to a 512x384 image, "
                + "the operation allocated " + allocated + " bytes (" + String.format(java.util.Locale.ROOT, "%.1f",
                (double) allocated / ImageSize.of(result).pixels()) + " per output pixel) but declares "
                + op.cost(size, parameters).bytes() + " bytes per output pixel (" + declared + "); raise the bytes of cost(...)");
    }

    private static long allocated(com.sun.management.ThreadMXBean threads) {
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            if (bytes > 0) {
                total += bytes;
            }
        }
        return total;
    }

    @Test
    void canonicalChainTextReadsBack() {
        ImageOperation op = operation();
        theory().withExamples(Math.max(examples(), 100)).forAll(parameterValues()).checkAssert(parameters -> {
            String text = new ChainStep(op, parameters).toString();
            OperationChain parsed = registry().parse(text);
            assertEquals(1, parsed.size(), text);
            assertEquals(parameters, parsed.steps().get(0).parameters(), "parameters of '" + text + "'");
            assertEquals(text, parsed.toString());
        });
    }

    /** A readable name of a {@code BufferedImage.TYPE_*} constant, for assertion messages. */
    protected static String typeName(int type) {
        return switch (type) {
            case BufferedImage.TYPE_INT_RGB -> "TYPE_INT_RGB";
            case BufferedImage.TYPE_INT_ARGB -> "TYPE_INT_ARGB";
            case BufferedImage.TYPE_INT_ARGB_PRE -> "TYPE_INT_ARGB_PRE";
            case BufferedImage.TYPE_INT_BGR -> "TYPE_INT_BGR";
            case BufferedImage.TYPE_3BYTE_BGR -> "TYPE_3BYTE_BGR";
            case BufferedImage.TYPE_4BYTE_ABGR -> "TYPE_4BYTE_ABGR";
            case BufferedImage.TYPE_BYTE_GRAY -> "TYPE_BYTE_GRAY";
            case BufferedImage.TYPE_BYTE_INDEXED -> "TYPE_BYTE_INDEXED";
            case BufferedImage.TYPE_CUSTOM -> "TYPE_CUSTOM";
            default -> "type " + type;
        };
    }
}
