package dev.pixelstep.spi.registry;

import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.chain.ChainParser;
import dev.pixelstep.spi.chain.InvalidChainException;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.param.Parameter;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operations available to a function or runtime, found with {@link ServiceLoader}.
 *
 * <p>Always load with an explicit class loader: Lambda and the local runtime put plugin layers on
 * a class loader of their own. Loading checks every operation: a valid, unique name, valid and
 * unique parameter names. Two operations with the same name are an error that names both classes
 * and the jars they came from, since which one would win is otherwise an accident of class-path order.
 * Immutable and thread-safe.
 */
public final class OperationRegistry {

    private final Map<String, ImageOperation> byName;
    private final ChainParser parser;

    private OperationRegistry(Map<String, ImageOperation> byName) {
        this.byName = byName;
        this.parser = ChainParser.of(byName.values());
    }

    /**
     * Finds every {@link ImageOperation} registered in {@code META-INF/services} visible to {@code loader}.
     *
     * @throws OperationLoadingException if a provider cannot be loaded, is invalid, or two share a name
     */
    public static OperationRegistry load(ClassLoader loader) {
        List<ImageOperation> found = new ArrayList<>();
        try {
            for (ImageOperation op : ServiceLoader.load(ImageOperation.class, loader)) {
                found.add(op);
            }
        } catch (ServiceConfigurationError e) {
            throw new OperationLoadingException("an image operation provider could not be loaded: " + e.getMessage(), e);
        }
        return of(found);
    }

    /**
     * A registry of exactly the given operations.
     *
     * @throws OperationLoadingException if an operation is invalid or two share a name
     */
    public static OperationRegistry of(Collection<? extends ImageOperation> operations) {
        Map<String, ImageOperation> byName = new TreeMap<>();
        for (ImageOperation op : operations) {
            check(op);
            ImageOperation previous = byName.putIfAbsent(op.name(), op);
            if (previous != null) {
                throw new OperationLoadingException("two operations are named '" + op.name() + "': "
                        + origin(previous) + " and " + origin(op) + "; remove one of the jars or rename one operation", null);
            }
        }
        return new OperationRegistry(byName);
    }

    /** The operation with this name, if any. */
    public Optional<ImageOperation> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The operation with this name.
     *
     * @throws NoSuchElementException naming the known operations
     */
    public ImageOperation get(String name) {
        ImageOperation op = byName.get(name);
        if (op == null) {
            throw new NoSuchElementException("unknown operation '" + name + "'; known operations: " + String.join(", ", byName.keySet()));
        }
        return op;
    }

    /** Every operation, sorted by name. */
    public List<ImageOperation> operations() {
        return List.copyOf(byName.values());
    }

    /** Every operation name, sorted. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** The parser for chains of these operations. */
    public ChainParser parser() {
        return parser;
    }

    /**
     * Parses chain text against these operations.
     *
     * @throws InvalidChainException naming the position, the offending text and what is allowed
     */
    public OperationChain parse(String text) {
        return parser.parse(text);
    }

    /**
     * Every operation with its description and parameter metadata, as plain maps and lists ready
     * to be written as JSON: {@code [{"name", "description", "parameters": [...]}, ...]}.
     */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ImageOperation op : byName.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", op.name());
            entry.put("description", op.description());
            entry.put("parameters", op.parameters().stream().map(Parameter::describe).toList());
            out.add(entry);
        }
        return out;
    }

    private static void check(ImageOperation op) {
        String name = op.name();
        if (name == null || !name.matches(ImageOperation.NAME_PATTERN)) {
            throw new OperationLoadingException("operation " + origin(op) + " has the invalid name '" + name
                    + "'; names must match " + ImageOperation.NAME_PATTERN, null);
        }
        List<Parameter<?>> parameters = op.parameters();
        if (parameters == null) {
            throw new OperationLoadingException("operation '" + name + "' (" + origin(op) + ") returns null parameters", null);
        }
        Set<String> seen = new HashSet<>();
        for (Parameter<?> p : parameters) {
            if (!seen.add(p.name())) {
                throw new OperationLoadingException("operation '" + name + "' (" + origin(op) + ") declares parameter '"
                        + p.name() + "' twice", null);
            }
        }
    }

    private static String origin(ImageOperation op) {
        CodeSource source = op.getClass().getProtectionDomain().getCodeSource();
        String where = source == null || source.getLocation() == null ? "unknown location" : source.getLocation().toString();
        return op.getClass().getName() + " (from " + where + ")";
    }

    @Override
    public String toString() {
        return "OperationRegistry" + byName.keySet();
    }
}
