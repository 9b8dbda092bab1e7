package io.arbiter.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads ISO-8601 instants exactly as {@link Instant#parse} does, but reads the form producers
 * send nearly always, {@code 2026-12-03T10:00:00Z} with an optional fraction of a second, without
 * the general formatter, which cost as much as parsing the rest of a usage event's JSON.
 */
final class Instants {

    private static final int SECONDS_END = 19;
    private static final int MAX_FRACTION = 9;

    private Instants() {
    }

    /** The instant {@code text} names, or null when it is not an ISO-8601 instant. */
    static Instant parse(String text) {
        Instant fast = parseUtc(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with valid fields, or null for anything else. */
    private static Instant parseUtc(String s) {
        int length = s.length();
        if (length < SECONDS_END + 1 || length > SECONDS_END + 2 + MAX_FRACTION || s.charAt(length - 1) != 'Z'
                || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, SECONDS_END);
        int nanos = 0;
        if (length > SECONDS_END + 1) {
            if (s.charAt(SECONDS_END) != '.' || length == SECONDS_END + 2) {
                return null;
            }
            int fraction = digits(s, SECONDS_END + 1, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = length - 1 - (SECONDS_END + 1); i < MAX_FRACTION; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
