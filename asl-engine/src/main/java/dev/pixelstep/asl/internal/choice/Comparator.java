package dev.pixelstep.asl.internal.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.internal.json.Timestamps;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * The comparison operators of Choice rules. Each comparison (except StringMatches and the type tests) also
 * exists with a {@code Path} suffix, whose comparand is a path into the input instead of a literal.
 */
public enum Comparator {
    /** StringEquals. */
    STRING_EQUALS("StringEquals", Kind.STRING, Relation.EQ),
    /** StringLessThan. */
    STRING_LESS_THAN("StringLessThan", Kind.STRING, Relation.LT),
    /** StringGreaterThan. */
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, Relation.GT),
    /** StringLessThanEquals. */
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, Relation.LE),
    /** StringGreaterThanEquals. */
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, Relation.GE),
    /** StringMatches ({@code *} wildcards; {@code \*} and {@code \\} escapes). */
    STRING_MATCHES("StringMatches", Kind.STRING, Relation.MATCHES),
    /** NumericEquals. */
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, Relation.EQ),
    /** NumericLessThan. */
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, Relation.LT),
    /** NumericGreaterThan. */
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, Relation.GT),
    /** NumericLessThanEquals. */
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, Relation.LE),
    /** NumericGreaterThanEquals. */
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, Relation.GE),
    /** BooleanEquals. */
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, Relation.EQ),
    /** TimestampEquals. */
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, Relation.EQ),
    /** TimestampLessThan. */
    TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, Relation.LT),
    /** TimestampGreaterThan. */
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, Relation.GT),
    /** TimestampLessThanEquals. */
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, Relation.LE),
    /** TimestampGreaterThanEquals. */
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, Relation.GE),
    /** IsNull: whether the value is JSON null. */
    IS_NULL("IsNull", Kind.TYPE_TEST, Relation.IS),
    /** IsPresent: whether the Variable selects anything. */
    IS_PRESENT("IsPresent", Kind.TYPE_TEST, Relation.IS),
    /** IsNumeric: whether the value is a number. */
    IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, Relation.IS),
    /** IsString: whether the value is a string. */
    IS_STRING("IsString", Kind.TYPE_TEST, Relation.IS),
    /** IsBoolean: whether the value is a boolean. */
    IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, Relation.IS),
    /** IsTimestamp: whether the value is a string holding a timestamp. */
    IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, Relation.IS);

    /** The type of value a comparator compares. */
    public enum Kind {
        /** Strings. */
        STRING,
        /** Numbers. */
        NUMERIC,
        /** Booleans. */
        BOOLEAN,
        /** Timestamp strings. */
        TIMESTAMP,
        /** Type tests; the comparand is a boolean. */
        TYPE_TEST
    }

    private enum Relation { EQ, LT, GT, LE, GE, MATCHES, IS }

    private final String fieldName;
    private final Kind kind;
    private final Relation relation;

    Comparator(String fieldName, Kind kind, Relation relation) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.relation = relation;
    }

    /** The field name in a Choice rule, without the Path suffix. */
    public String fieldName() {
        return fieldName;
    }

    /** What the comparator compares. */
    public Kind kind() {
        return kind;
    }

    /** Whether a {@code ...Path} variant of this comparator exists. */
    public boolean hasPathVariant() {
        return kind != Kind.TYPE_TEST && relation != Relation.MATCHES;
    }

    /** The comparator with a field name (without the Path suffix). */
    public static Optional<Comparator> byFieldName(String name) {
        return Arrays.stream(values()).filter(c -> c.fieldName.equals(name)).findFirst();
    }

    /** Whether a literal comparand has the right type for this comparator. */
    public boolean acceptsComparand(JsonNode comparand) {
        return switch (kind) {
            case STRING -> comparand.isTextual();
            case NUMERIC -> comparand.isNumber();
            case BOOLEAN, TYPE_TEST -> comparand.isBoolean();
            case TIMESTAMP -> comparand.isTextual() && Timestamps.parse(comparand.textValue()).isPresent();
        };
    }

    /**
     * Compares a value (never a missing one, except for IsPresent, where it is null) with a comparand of the right
     * kind. Values of another type compare false.
     */
    boolean test(JsonNode value, JsonNode comparand, StringPattern pattern) {
        if (kind == Kind.TYPE_TEST) {
            return typeTest(value) == comparand.booleanValue();
        }
        return switch (kind) {
            case STRING -> value.isTextual() && comparand.isTextual() && (relation == Relation.MATCHES
                    ? pattern.matches(value.textValue())
                    : holds(value.textValue().compareTo(comparand.textValue())));
            case NUMERIC -> value.isNumber() && comparand.isNumber()
                    && holds(value.decimalValue().compareTo(comparand.decimalValue()));
            case BOOLEAN -> value.isBoolean() && comparand.isBoolean()
                    && value.booleanValue() == comparand.booleanValue();
            case TIMESTAMP -> compareTimestamps(value, comparand);
            default -> throw new IllegalStateException(name());
        };
    }

    private boolean compareTimestamps(JsonNode value, JsonNode comparand) {
        if (!value.isTextual() || !comparand.isTextual()) {
            return false;
        }
        Optional<OffsetDateTime> left = Timestamps.parse(value.textValue());
        Optional<OffsetDateTime> right = Timestamps.parse(comparand.textValue());
        return left.isPresent() && right.isPresent()
                && holds(left.get().toInstant().compareTo(right.get().toInstant()));
    }

    private boolean typeTest(JsonNode value) {
        return switch (this) {
            case IS_PRESENT -> value != null;
            case IS_NULL -> value != null && value.isNull();
            case IS_NUMERIC -> value != null && value.isNumber();
            case IS_STRING -> value != null && value.isTextual();
            case IS_BOOLEAN -> value != null && value.isBoolean();
            case IS_TIMESTAMP -> value != null && value.isTextual() && Timestamps.parse(value.textValue()).isPresent();
            default -> throw new IllegalStateException(name());
        };
    }

    private boolean holds(int comparison) {
        return switch (relation) {
            case EQ -> comparison == 0;
            case LT -> comparison < 0;
            case GT -> comparison > 0;
            case LE -> comparison <= 0;
            case GE -> comparison >= 0;
            default -> throw new IllegalStateException(name());
        };
    }
}
