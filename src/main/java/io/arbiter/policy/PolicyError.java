package io.arbiter.policy;

/**
 * One problem with a policy document.
 *
 * @param field the dotted path of the offending key, such as {@code weights.usage}; empty for the whole document
 * @param message the reason, in words
 * @param line the line of the document the key is on, from 1; 0 when not known
 */
public record PolicyError(String field, String message, int line) {

    /** A problem whose line is not known (yet). */
    public PolicyError(String field, String message) {
        this(field, message, 0);
    }

    /** This problem placed on {@code newLine}. */
    PolicyError atLine(int newLine) {
        return new PolicyError(field, message, newLine);
    }

    /** {@code field: message}, or the message alone for the whole document. */
    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
