package io.arbiter.domain;

/**
 * Why one input was refused.
 *
 * @param index the event's position in its request or frame (0-based), or -1 when not in a batch
 * @param field the dotted path of the offending field, such as {@code capacity.cpu}
 * @param message the reason, in words
 */
public record FieldError(int index, String field, String message) {
}
