package io.arbiter.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    PolicyReader section(String key) {
        JsonNode value = value(key);
        if (value != null && !value.isObject()) {
            error(key, "must be a mapping of keys");
            value = null;
        }
        return new PolicyReader(value == null ? MissingNode.getInstance() : value, pathOf(key), errors);
    }

    /** Each entry of the mapping this reader reads, as a reader of its own. */
    Map<String, PolicyReader> entries() {
        Map<String, PolicyReader> entries = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            known.add(e.getKey());
            if (e.getValue().isObject()) {
                entries.put(e.getKey(), new PolicyReader(e.getValue(), pathOf(e.getKey()), errors));
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
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        try {
            Duration d = value.isTextual() ? Duration.parse(value.textValue()) : null;
            if (d != null && !d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        error(key, "must be a positive ISO-8601 duration such as PT30S, PT1H or P30D");
        return null;
    }

    /** An amount of money at or above zero: a decimal string such as "500.00" (a number is taken too). */
    BigDecimal money(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = value.isTextual() ? new BigDecimal(value.textValue())
                    : value.isNumber() ? value.decimalValue() : null;
            if (amount != null && amount.signum() >= 0 && amount.precision() <= 30) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(key, "must be a decimal string at or above zero, such as \"500.00\"");
        return null;
    }

    /** A three-letter ISO-4217 currency code; null when bad. */
    String currency(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || !CURRENCY.matcher(value.textValue()).matches()) {
            error(key, "must be a three-letter ISO-4217 code such as EUR");
            return null;
        }
        return value.textValue();
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
