package dev.pixelstep.spi.chain;

import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.chain.InvalidChainException.Reason;
import dev.pixelstep.spi.param.InvalidParameterException;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses chain text such as {@code grayscale, blur(radius=4), resize(width=800)} against a set of
 * known operations.
 *
 * <pre>
 * chain  = [ step { "," step } ]            at most 16 steps, at most 2048 UTF-8 bytes
 * step   = name [ "(" [ arg { "," arg } ] ")" ]
 * arg    = name "=" value
 * name   = [a-z][a-z0-9-]*
 * value  = bare | '"' { char | '\"' | '\\' } '"'
 * bare   = one or more characters other than whitespace , ( ) = "
 * </pre>
 * Whitespace between tokens is ignored; blank text is the empty chain. Values are read, typed and
 * range-checked by the operation's declared {@link Parameter}s; omitted parameters take their
 * defaults. The parser is immutable and thread-safe; {@link #parse(String)} throws nothing but
 * {@link InvalidChainException} for any non-null text.
 */
public final class ChainParser {

    private final Map<String, ImageOperation> operations;

    private ChainParser(Map<String, ImageOperation> operations) {
        this.operations = operations;
    }

    /** A parser that knows exactly the given operations (names must be distinct). */
    public static ChainParser of(Collection<? extends ImageOperation> operations) {
        Map<String, ImageOperation> byName = operations.stream()
                .collect(Collectors.toMap(ImageOperation::name, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("two operations are named '" + a.name() + "'");
                }, java.util.TreeMap::new));
        return new ChainParser(byName);
    }

    /**
     * Parses {@code text} into a chain.
     *
     * @throws InvalidChainException naming the position, the offending text and what is allowed
     */
    public OperationChain parse(String text) {
        Objects.requireNonNull(text, "text");
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > OperationChain.MAX_TEXT_BYTES) {
            throw new InvalidChainException(Reason.TOO_LONG, 1, abbreviate(text),
                    "the chain is " + bytes + " bytes long",
                    "at most " + OperationChain.MAX_TEXT_BYTES + " bytes fit in S3 user metadata");
        }
        return new Reader(text).chain();
    }

    private final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        OperationChain chain() {
            List<ChainStep> steps = new ArrayList<>();
            skipSpace();
            if (atEnd()) {
                return OperationChain.empty();
            }
            while (true) {
                int stepStart = pos;
                ChainStep step = step();
                if (steps.size() == OperationChain.MAX_OPERATIONS) {
                    throw new InvalidChainException(Reason.TOO_MANY_OPERATIONS, stepStart + 1, step.name(),
                            "operation " + (steps.size() + 1) + " is one too many",
                            "a chain holds at most " + OperationChain.MAX_OPERATIONS + " operations");
                }
                steps.add(step);
                skipSpace();
                if (atEnd()) {
                    return OperationChain.of(steps);
                }
                if (peek() != ',') {
                    throw syntax("unexpected '" + peekCodePoint() + "' after operation '" + step.name() + "'",
                            "expected ',' between operations or the end of the chain");
                }
                pos++;
                skipSpace();
            }
        }

        private ChainStep step() {
            int start = pos;
            String name = word();
            if (name.isEmpty()) {
                throw syntax(atEnd() ? "missing operation name at the end" : "unexpected '" + peekCodePoint() + "'",
                        "expected an operation name; known operations: " + known());
            }
            ImageOperation operation = operations.get(name);
            if (operation == null) {
                throw new InvalidChainException(Reason.UNKNOWN_OPERATION, start + 1, name,
                        "unknown operation '" + name + "'", "known operations: " + known() + suggestion(name, operations.keySet()));
            }
            skipSpace();
            Map<String, Object> values = new LinkedHashMap<>();
            if (!atEnd() && peek() == '(') {
                pos++;
                skipSpace();
                if (!atEnd() && peek() == ')') {
                    pos++;
                } else {
                    arguments(operation, values);
                }
            }
            return new ChainStep(operation, Parameters.of(operation, values));
        }

        private void arguments(ImageOperation operation, Map<String, Object> values) {
            while (true) {
                int keyStart = pos;
                String key = word();
                if (key.isEmpty()) {
                    throw syntax(atEnd() ? "unclosed '(' after '" + operation.name() + "'" : "unexpected '" + peekCodePoint() + "'",
                            "expected a parameter name; " + parameterList(operation));
                }
                Parameter<?> parameter = declared(operation, key);
                if (parameter == null) {
                    throw new InvalidChainException(Reason.UNKNOWN_PARAMETER, keyStart + 1, key,
                            "operation '" + operation.name() + "' has no parameter '" + key + "'",
                            parameterList(operation) + suggestion(key, operation.parameters().stream().map(Parameter::name).toList()));
                }
                if (values.containsKey(key)) {
                    throw new InvalidChainException(Reason.DUPLICATE_PARAMETER, keyStart + 1, key,
                            "parameter '" + key + "' of '" + operation.name() + "' is given twice", "give each parameter once");
                }
                skipSpace();
                expect('=', "expected '=' after parameter '" + key + "'");
                skipSpace();
                int valueStart = pos;
                String raw = value();
                try {
                    values.put(key, parameter.parse(raw));
                } catch (InvalidParameterException e) {
                    throw new InvalidChainException(Reason.INVALID_VALUE, valueStart + 1, raw,
                            "invalid value '" + raw + "' for " + operation.name() + "." + key,
                            "expected " + parameter.allowed());
                }
                skipSpace();
                if (atEnd()) {
                    throw syntax("unclosed '(' after '" + operation.name() + "'", "expected ',' or ')'");
                }
                char c = text.charAt(pos++);
                if (c == ')') {
                    return;
                }
                if (c != ',') {
                    pos--;
                    throw syntax("unexpected '" + peekCodePoint() + "' in the parameters of '" + operation.name() + "'",
                            "expected ',' or ')'");
                }
                skipSpace();
            }
        }

        /** A name: letters, digits and '-'; checked against the name rule. */
        private String word() {
            int start = pos;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '-' || peek() == '_')) {
                pos++;
            }
            String w = text.substring(start, pos);
            if (!w.isEmpty() && !w.matches(ImageOperation.NAME_PATTERN)) {
                pos = start;
                throw new InvalidChainException(Reason.SYNTAX, start + 1, w, "'" + w + "' is not a valid name",
                        "names are lower-case letters, digits and '-', starting with a letter"
                                + (w.toLowerCase(java.util.Locale.ROOT).matches(ImageOperation.NAME_PATTERN)
                                ? " (did you mean '" + w.toLowerCase(java.util.Locale.ROOT) + "'?)" : ""));
            }
            return w;
        }

        private String value() {
            if (atEnd()) {
                throw syntax("missing value at the end", "expected a value");
            }
            if (peek() == '"') {
                return quoted();
            }
            int start = pos;
            while (!atEnd() && !Character.isWhitespace(peek()) && ",()=\"".indexOf(peek()) < 0) {
                pos++;
            }
            if (start == pos) {
                throw syntax("unexpected '" + peekCodePoint() + "'", "expected a value");
            }
            return text.substring(start, pos);
        }

        private String quoted() {
            int start = pos;
            pos++;
            StringBuilder sb = new StringBuilder();
            while (!atEnd()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (atEnd() || (peek() != '"' && peek() != '\\')) {
                        pos--;
                        throw syntax("unknown escape in quoted text", "only \\\" and \\\\ are escapes");
                    }
                    c = text.charAt(pos++);
                }
                sb.append(c);
            }
            pos = start;
            throw syntax("unclosed quote", "close quoted text with '\"'");
        }

        private void expect(char c, String allowed) {
            if (atEnd() || peek() != c) {
                throw syntax(atEnd() ? "unexpected end of the chain" : "unexpected '" + peekCodePoint() + "'", allowed);
            }
            pos++;
        }

        private InvalidChainException syntax(String problem, String allowed) {
            String offending = atEnd() ? "" : peekCodePoint();
            return new InvalidChainException(Reason.SYNTAX, pos + 1, offending, problem, allowed);
        }

        private void skipSpace() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                pos++;
            }
        }

        private boolean atEnd() {
            return pos >= text.length();
        }

        private char peek() {
            return text.charAt(pos);
        }

        /** The whole character at the position, both halves of a surrogate pair included, for messages. */
        private String peekCodePoint() {
            return text.substring(pos, pos + Character.charCount(text.codePointAt(pos)));
        }
    }

    private String known() {
        return operations.isEmpty() ? "(none)" : String.join(", ", operations.keySet());
    }

    private static Parameter<?> declared(ImageOperation operation, String key) {
        for (Parameter<?> p : operation.parameters()) {
            if (p.name().equals(key)) {
                return p;
            }
        }
        return null;
    }

    private static String parameterList(ImageOperation operation) {
        if (operation.parameters().isEmpty()) {
            return "'" + operation.name() + "' takes no parameters";
        }
        return "parameters of '" + operation.name() + "': " + operation.parameters().stream()
                .map(p -> p.name() + " (" + p.allowed() + ")").collect(Collectors.joining(", "));
    }

    /** " (did you mean 'x'?)" for the closest name within two edits, or "". */
    static String suggestion(String given, Collection<String> names) {
        Optional<String> best = names.stream()
                .filter(n -> distance(given, n) <= Math.max(1, Math.min(2, given.length() / 3)))
                .min((a, b) -> Integer.compare(distance(given, a), distance(given, b)));
        return best.map(n -> " (did you mean '" + n + "'?)").orElse("");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
