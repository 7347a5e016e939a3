package dev.pixelstep.asl.internal.expression.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pixelstep.asl.internal.expression.ExpressionSyntaxException;
import dev.pixelstep.asl.internal.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.stream.Collectors;

/** The intrinsic functions of the Amazon States Language (JSONPath dialect) and their semantics. */
public enum IntrinsicFunction {

    /** {@code States.Format(template, values...)}: replaces each {@code {}} with the next value. */
    FORMAT("States.Format", 1, Integer.MAX_VALUE) {
        @Override
        JsonNode apply(FunctionArguments args) {
            return TextNode.valueOf(FormatTemplate.render(args));
        }
    },
    /** {@code States.StringToJson(text)}: parses JSON text. */
    STRING_TO_JSON("States.StringToJson", 1, 1) {
        @Override
        JsonNode apply(FunctionArguments args) {
            String text = args.string(0);
            try {
                return Json.parse(text);
            } catch (IllegalArgumentException e) {
                throw args.fail("'" + text + "' is not valid JSON");
            }
        }
    },
    /** {@code States.JsonToString(value)}: serialises a value to compact JSON text. */
    JSON_TO_STRING("States.JsonToString", 1, 1) {
        @Override
        JsonNode apply(FunctionArguments args) {
            return TextNode.valueOf(Json.write(args.value(0)));
        }
    },
    /** {@code States.Array(values...)}: an array of the values. */
    ARRAY("States.Array", 0, Integer.MAX_VALUE) {
        @Override
        JsonNode apply(FunctionArguments args) {
            ArrayNode array = Json.mapper().createArrayNode();
            args.values().forEach(array::add);
            return array;
        }
    },
    /** {@code States.ArrayPartition(array, size)}: chunks of at most {@code size} items. */
    ARRAY_PARTITION("States.ArrayPartition", 2, 2) {
        @Override
        JsonNode apply(FunctionArguments args) {
            ArrayNode array = args.array(0);
            long size = args.integer(1);
            if (size <= 0) {
                throw args.fail("the chunk size must be positive but was " + size);
            }
            ArrayNode chunks = Json.mapper().createArrayNode();
            ArrayNode chunk = null;
            for (int i = 0; i < array.size(); i++) {
                if (i % size == 0) {
                    chunk = chunks.addArray();
                }
                chunk.add(array.get(i));
            }
            return chunks;
        }
    },
    /** {@code States.ArrayContains(array, value)}: whether the array holds an equal value. */
    ARRAY_CONTAINS("States.ArrayContains", 2, 2) {
        @Override
        JsonNode apply(FunctionArguments args) {
            JsonNode wanted = args.value(1);
            for (JsonNode item : args.array(0)) {
                if (JsonValues.equal(item, wanted)) {
                    return BooleanNode.TRUE;
                }
            }
            return BooleanNode.FALSE;
        }
    },
    /** {@code States.ArrayRange(first, last, step)}: the integers from first to last (inclusive) by step. */
    ARRAY_RANGE("States.ArrayRange", 3, 3) {
        @Override
        JsonNode apply(FunctionArguments args) {
            long first = args.integer(0);
            long last = args.integer(1);
            long step = args.integer(2);
            if (step == 0) {
                throw args.fail("the step must not be 0");
            }
            ArrayNode range = Json.mapper().createArrayNode();
            for (long value = first; step > 0 ? value <= last : value >= last; value += step) {
                if (range.size() == MAX_RANGE_ITEMS) {
                    throw args.fail("the range has more than " + MAX_RANGE_ITEMS + " items");
                }
                range.add(integer(value));
            }
            return range;
        }
    },
    /** {@code States.ArrayGetItem(array, index)}: the item at a zero-based index. */
    ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2) {
        @Override
        JsonNode apply(FunctionArguments args) {
            ArrayNode array = args.array(0);
            long index = args.integer(1);
            if (index < 0 || index >= array.size()) {
                throw args.fail("index " + index + " is outside an array of " + array.size() + " items");
            }
            return array.get((int) index);
        }
    },
    /** {@code States.ArrayLength(array)}: the number of items. */
    ARRAY_LENGTH("States.ArrayLength", 1, 1) {
        @Override
        JsonNode apply(FunctionArguments args) {
            return IntNode.valueOf(args.array(0).size());
        }
    },
    /** {@code States.ArrayUnique(array)}: the items without duplicates, first occurrences kept in order. */
    ARRAY_UNIQUE("States.ArrayUnique", 1, 1) {
        @Override
        JsonNode apply(FunctionArguments args) {
            Set<JsonNode> seen = new LinkedHashSet<>();
            ArrayNode unique = Json.mapper().createArrayNode();
            for (JsonNode item : args.array(0)) {
                if (seen.add(JsonValues.canonical(item))) {
                    unique.add(item);
                }
            }
            return unique;
        }
    },
    /** {@code States.Base64Encode(text)}: Base64 of the UTF-8 bytes of a string. */
    BASE64_ENCODE("States.Base64Encode", 1, 1) {
        @Override
        JsonNode apply(FunctionArguments args) {
            String text = limited(args, args.string(0));
            return TextNode.valueOf(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        }
    },
    /** {@code States.Base64Decode(base64)}: the UTF-8 string encoded in Base64. */
    BASE64_DECODE("States.Base64Decode", 1, 1) {
        @Override
        JsonNode apply(FunctionArguments args) {
            String encoded = limited(args, args.string(0));
            try {
                return TextNode.valueOf(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw args.fail("'" + encoded + "' is not Base64");
            }
        }
    },
    /** {@code States.Hash(data, algorithm)}: lower-case hex digest with MD5, SHA-1, SHA-256, SHA-384 or SHA-512. */
    HASH("States.Hash", 2, 2) {
        @Override
        JsonNode apply(FunctionArguments args) {
            JsonNode data = args.value(0);
            String text = limited(args, data.isTextual() ? data.textValue() : Json.write(data));
            String algorithm = args.string(1);
            if (!HASH_ALGORITHMS.contains(algorithm)) {
                throw args.fail("unsupported algorithm '" + algorithm + "'; supported: " + HASH_ALGORITHMS);
            }
            try {
                byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
                return TextNode.valueOf(HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw args.fail("algorithm '" + algorithm + "' is not available in this JVM");
            }
        }
    },
    /** {@code States.JsonMerge(a, b, false)}: a shallow merge, b's fields winning. */
    JSON_MERGE("States.JsonMerge", 3, 3) {
        @Override
        JsonNode apply(FunctionArguments args) {
            ObjectNode first = args.object(0);
            ObjectNode second = args.object(1);
            if (args.bool(2)) {
                throw args.fail("only shallow merging is supported: the third argument must be false");
            }
            ObjectNode merged = first.deepCopy();
            second.properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
            return merged;
        }
    },
    /** {@code States.MathRandom(start, end[, seed])}: a random integer from start (inclusive) to end (exclusive). */
    MATH_RANDOM("States.MathRandom", 2, 3) {
        @Override
        JsonNode apply(FunctionArguments args) {
            long start = args.integer(0);
            long end = args.integer(1);
            if (end <= start) {
                throw args.fail("the end (" + end + ") must be greater than the start (" + start + ")");
            }
            Random random = args.size() == 3 ? new Random(args.integer(2)) : args.random();
            return integer(start + random.longs(1, 0, end - start).findFirst().orElseThrow());
        }
    },
    /**
     * {@code States.MathAdd(a, b)}: the sum of two numbers, each within the 32-bit integer range AWS documents
     * for it (outside, {@code States.IntrinsicFailure} rather than a sum that loses digits).
     */
    MATH_ADD("States.MathAdd", 2, 2) {
        @Override
        JsonNode apply(FunctionArguments args) {
            for (int i = 0; i < 2; i++) {
                BigDecimal value = args.number(i);
                if (value.compareTo(INT32_MIN) < 0 || value.compareTo(INT32_MAX) > 0) {
                    throw args.fail("argument " + (i + 1) + " (" + value.toPlainString() + ") is outside the range"
                            + " -2147483648 to 2147483647");
                }
            }
            BigDecimal sum = args.number(0).add(args.number(1));
            try {
                return integer(sum.stripTrailingZeros().longValueExact());
            } catch (ArithmeticException notAnInteger) {
                return DoubleNode.valueOf(sum.doubleValue());
            }
        }
    },
    /** {@code States.StringSplit(text, delimiters)}: the non-empty tokens between any delimiter characters. */
    STRING_SPLIT("States.StringSplit", 2, 2) {
        @Override
        JsonNode apply(FunctionArguments args) {
            String text = args.string(0);
            String delimiters = args.string(1);
            ArrayNode tokens = Json.mapper().createArrayNode();
            if (delimiters.isEmpty()) {
                return tokens.add(text);
            }
            StringTokenizer tokenizer = new StringTokenizer(text, delimiters);
            while (tokenizer.hasMoreTokens()) {
                tokens.add(tokenizer.nextToken());
            }
            return tokens;
        }
    },
    /** {@code States.UUID()}: a random (version 4) UUID. */
    UUID_V4("States.UUID", 0, 0) {
        @Override
        JsonNode apply(FunctionArguments args) {
            return TextNode.valueOf(randomUuid(args.random()).toString());
        }
    };

    private static final int MAX_RANGE_ITEMS = 1000;
    private static final BigDecimal INT32_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT32_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final int MAX_INPUT_LENGTH = 10_000;
    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private final String functionName;
    private final int minArguments;
    private final int maxArguments;

    IntrinsicFunction(String functionName, int minArguments, int maxArguments) {
        this.functionName = functionName;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    /** The name as written in a definition, e.g. {@code States.Format}. */
    public String functionName() {
        return functionName;
    }

    abstract JsonNode apply(FunctionArguments args);

    /** The function with a given name. */
    public static Optional<IntrinsicFunction> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.functionName.equals(name)).findFirst();
    }

    /** Every function name, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(IntrinsicFunction::functionName).collect(Collectors.joining(", "));
    }

    void checkArity(int count, String name) {
        if (count < minArguments || count > maxArguments) {
            String expected = minArguments == maxArguments ? String.valueOf(minArguments)
                    : maxArguments == Integer.MAX_VALUE ? "at least " + minArguments
                    : minArguments + " to " + maxArguments;
            throw new ExpressionSyntaxException(name + " takes " + expected + " argument(s) but was given " + count);
        }
    }

    /** A version 4 UUID drawn from the given random source (so seeded engines are reproducible). */
    public static UUID randomUuid(Random random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private static JsonNode integer(long value) {
        return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }

    private static String limited(FunctionArguments args, String text) {
        if (text.length() > MAX_INPUT_LENGTH) {
            throw args.fail("the input is longer than " + MAX_INPUT_LENGTH + " characters");
        }
        return text;
    }
}
