package io.arbiter.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.domain.FieldError;
import io.arbiter.domain.Resources;
import io.arbiter.domain.WireName;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object, recording a {@link FieldError} for each field that is
 * missing, of the wrong type or out of range, and for each field it does not know. Readers
 * return null (or NaN) for a bad field so that decoding goes on and reports every problem at once.
 */
final class FieldReader {

    /** Longest id or name accepted. */
    static final int MAX_TEXT = 256;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final JsonNode node;
    private final int index;
    private final String prefix;
    private final List<FieldError> errors;
    private final Set<String> read = new HashSet<>();

    FieldReader(JsonNode node, int index, String prefix, List<FieldError> errors) {
        this.node = node;
        this.index = index;
        this.prefix = prefix;
        this.errors = errors;
    }

    void error(String field, String message) {
        errors.add(new FieldError(index, prefix + field, message));
    }

    private JsonNode field(String name, boolean required) {
        read.add(name);
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                error(name, "is required");
            }
            return null;
        }
        return value;
    }

    /** A required non-blank string of at most {@value #MAX_TEXT} characters with no control characters. */
    String text(String name) {
        return text(name, true);
    }

    /** Like {@link #text(String)}, but absent or null is fine and gives null. */
    String optionalText(String name) {
        return text(name, false);
    }

    private String text(String name, boolean required) {
        JsonNode value = field(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            error(name, "must be a string");
            return null;
        }
        String s = value.textValue();
        if (s.isBlank()) {
            error(name, "must not be blank");
        } else if (s.length() > MAX_TEXT) {
            error(name, "must be at most " + MAX_TEXT + " characters");
        } else if (hasControlCharacter(s)) {
            error(name, "must not contain control characters");
        } else {
            return s;
        }
        return null;
    }

    /** {@code s} when {@link #text} would take it (not blank, short enough, no control characters), else null. */
    static String validText(String s) {
        return s.isBlank() || s.length() > MAX_TEXT || hasControlCharacter(s) ? null : s;
    }

    /** {@code v} when {@link #nonNegative} would take it (finite, at or above zero), else NaN. */
    static double validAmount(double v) {
        return Double.isFinite(v) && !(v < 0) ? v : Double.NaN;
    }

    private static boolean hasControlCharacter(String s) {
        for (int k = 0, n = s.length(); k < n; k++) {
            if (Character.isISOControl(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** A required finite number at or above zero; NaN when bad. */
    double nonNegative(String name) {
        double v = number(name);
        if (v < 0) {
            error(name, "must be at least 0");
            return Double.NaN;
        }
        return v;
    }

    /** A required finite number; NaN when bad. */
    double number(String name) {
        JsonNode value = field(name, true);
        if (value == null) {
            return Double.NaN;
        }
        if (!value.isNumber()) {
            error(name, "must be a number");
            return Double.NaN;
        }
        double v = value.doubleValue();
        if (!Double.isFinite(v)) {
            error(name, "must be a finite number");
            return Double.NaN;
        }
        return v;
    }

    /** A required object {@code {cpu, memoryGiB}} of non-negative numbers. */
    Resources resources(String name) {
        JsonNode value = field(name, true);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            error(name, "must be an object with cpu and memoryGiB");
            return null;
        }
        FieldReader inner = new FieldReader(value, index, prefix + name + ".", errors);
        double cpu = inner.nonNegative("cpu");
        double memory = inner.nonNegative("memoryGiB");
        inner.refuseUnknown();
        return Double.isNaN(cpu) || Double.isNaN(memory) ? null : new Resources(cpu, memory);
    }

    /** A required wire name of one of {@code type}'s constants. */
    <E extends Enum<E> & WireName> E choice(String name, Class<E> type) {
        return choice(name, type, true);
    }

    /** Like {@link #choice(String, Class)}, but absent or null is fine and gives null. */
    <E extends Enum<E> & WireName> E optionalChoice(String name, Class<E> type) {
        return choice(name, type, false);
    }

    private <E extends Enum<E> & WireName> E choice(String name, Class<E> type, boolean required) {
        JsonNode value = field(name, required);
        if (value == null) {
            return null;
        }
        E parsed = value.isTextual() ? WireName.parse(type, value.textValue()).orElse(null) : null;
        if (parsed == null) {
            error(name, "must be one of " + WireName.choices(type));
        }
        return parsed;
    }

    /** An optional ISO-8601 instant; {@code fallback} when absent. */
    Instant instant(String name, Instant fallback) {
        JsonNode value = field(name, false);
        if (value == null) {
            return fallback;
        }
        Instant parsed = value.isTextual() ? Instants.parse(value.textValue()) : null;
        if (parsed == null) {
            error(name, "must be an ISO-8601 instant such as 2026-12-03T10:00:00Z");
        }
        return parsed;
    }

    /** A required date: an ISO-8601 instant, or a calendar date taken as its start in UTC. */
    Instant date(String name, boolean required) {
        JsonNode value = field(name, required);
        if (value == null) {
            return null;
        }
        Instant parsed = value.isTextual() ? parseDate(value.textValue()) : null;
        if (parsed == null) {
            error(name, "must be an ISO-8601 date (2026-12-03) or instant (2026-12-03T10:00:00Z)");
        }
        return parsed;
    }

    /** A required positive ISO-8601 duration such as PT30S. */
    Duration positiveDuration(String name) {
        JsonNode value = field(name, true);
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
        error(name, "must be a positive ISO-8601 duration such as PT1H");
        return null;
    }

    /** A required amount of money: a decimal string (a JSON number is taken too), at or above zero. */
    BigDecimal money(String name) {
        JsonNode value = field(name, true);
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
        error(name, "must be a decimal string at or above zero, such as \"120.50\"");
        return null;
    }

    /** A required ISO-4217 currency code. */
    String currency(String name) {
        String code = text(name);
        if (code != null && !CURRENCY.matcher(code).matches()) {
            error(name, "must be a three-letter ISO-4217 code such as EUR");
            return null;
        }
        return code;
    }

    /** True when the object has the field with a non-null value. */
    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /** Records an error for each field of the object that no reader asked for. */
    void refuseUnknown() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                error(name, "is not a field of this event");
            }
        }
    }

    private static Instant parseDate(String text) {
        Instant instant = Instants.parse(text);
        if (instant != null) {
            return instant;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
