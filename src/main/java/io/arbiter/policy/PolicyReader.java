package io.arbiter.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the keys of one mapping of a policy document, recording a {@link PolicyError} with the
 * key's dotted path for each key that is missing, of the wrong type or out of range, and for each
 * key nobody asked for. A bad value reads as NaN or null so that reading goes on and every problem
 * is reported at once.
 */
final class PolicyReader {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final JsonNode node;
    private final String path;
    private final List<PolicyError> errors;
    private final Set<String> known = new LinkedHashSet<>();

    PolicyReader(JsonNode node, String path, List<PolicyError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    private String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void error(String key, String message) {
        errors.add(new PolicyError(key == null ? path : pathOf(key), message));
    }

    private JsonNode value(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (node.isObject()) {
                error(key, "is required");
            }
            return null;
        }
        return value;
    }

    /** The mapping under {@code key}; a reader over nothing (that reports nothing more) when it is not one. */
    private PolicyReader section(String key) {
        JsonNode value = value(key);
        if (value != null && !value.isObject()) {
            error(key, "must be a mapping of keys");
            value = null;
        }
        return new PolicyReader(value == null ? MissingNode.getInstance() : value, pathOf(key), errors);
    }

    /** Builds a value from the mapping under {@code key}, then refuses the keys {@code build} did not read. */
    <T> T section(String key, Function<PolicyReader, T> build) {
        PolicyReader section = section(key);
        T value = build.apply(section);
        section.refuseUnknown();
        return value;
    }

    /** Builds a value from each entry of this mapping (whose keys are names), refusing unread keys of each. */
    <T> Map<String, T> entries(Function<PolicyReader, T> build) {
        Map<String, T> entries = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            known.add(e.getKey());
            if (e.getValue().isObject()) {
                PolicyReader entry = new PolicyReader(e.getValue(), pathOf(e.getKey()), errors);
                entries.put(e.getKey(), build.apply(entry));
                entry.refuseUnknown();
            } else {
                error(e.getKey(), "must be a mapping of keys");
            }
        });
        return entries;
    }

    /** Marks {@code key} as known without reading it. */
    void ignore(String key) {
        known.add(key);
    }

    /** A finite number; NaN when bad. */
    double number(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return Double.NaN;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            error(key, "must be a number");
            return Double.NaN;
        }
        return value.doubleValue();
    }

    /** A number in [0,1]; NaN when bad. */
    double fraction(String key) {
        double v = number(key);
        if (v < 0 || v > 1) {
            error(key, "must be between 0 and 1");
            return Double.NaN;
        }
        return v;
    }

    /** A whole number in [{@code min}, {@code max}]; -1 when bad. */
    long whole(String key, long min, long max) {
        JsonNode value = value(key);
        if (value == null) {
            return -1;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
                || value.longValue() > max) {
            error(key, "must be a whole number between " + min + " and " + max);
            return -1;
        }
        return value.longValue();
    }

    /** A whole number in [0, {@link Integer#MAX_VALUE}]; -1 when bad. */
    int count(String key) {
        return (int) whole(key, 0, Integer.MAX_VALUE);
    }

    /** A positive ISO-8601 duration such as PT1H or P30D; null when bad. */
    Duration duration(String key) {
        return parsed(key, v -> {
            Duration d = Duration.parse(v.asText());
            return d.isNegative() || d.isZero() ? null : d;
        }, "must be a positive ISO-8601 duration such as PT30S, PT1H or P30D");
    }

    /** An amount of money at or above zero: a decimal string such as "500.00" (a number is taken too). */
    BigDecimal money(String key) {
        return parsed(key, v -> {
            BigDecimal amount = v.isNumber() ? v.decimalValue() : new BigDecimal(v.textValue());
            return amount.signum() < 0 || amount.precision() > 30 ? null : amount;
        }, "must be a decimal string at or above zero, such as \"500.00\"");
    }

    /** A three-letter ISO-4217 currency code; null when bad. */
    String currency(String key) {
        return parsed(key, v -> CURRENCY.matcher(v.asText()).matches() && v.isTextual() ? v.asText() : null,
                "must be a three-letter ISO-4217 code such as EUR");
    }

    /** One of {@code type}'s constants, by its lower-case name; null when bad. */
    <E extends Enum<E>> E choice(String key, Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .toList();
        return parsed(key, v -> names.contains(v.asText()) && v.isTextual()
                ? Enum.valueOf(type, v.asText().toUpperCase(Locale.ROOT)) : null,
                "must be one of " + String.join(", ", names));
    }

    /**
     * The value of {@code key} as {@code parse} reads it; null (and {@code message} reported) when
     * {@code parse} gives null or throws. Only text and numbers reach {@code parse}.
     */
    private <T> T parsed(String key, Function<JsonNode, T> parse, String message) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        T result = null;
        try {
            result = value.isTextual() || value.isNumber() ? parse.apply(value) : null;
        } catch (RuntimeException e) {
            // DateTimeParseException, NumberFormatException: reported below
        }
        if (result == null) {
            error(key, message);
        }
        return result;
    }

    /** Records an error for each key of the mapping that no reader asked for. */
    void refuseUnknown() {
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        for (String name : unknown) {
            error(name, "unknown key; known keys here are " + String.join(", ", known));
        }
    }
}
