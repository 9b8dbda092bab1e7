package io.arbiter.ingest;

/**
 * A body or frame that is not well-formed JSON (or NDJSON), with where the parser stopped.
 *
 * @see BodyParser
 */
public final class MalformedBodyException extends Exception {

    private final int index;
    private final long line;
    private final long column;

    MalformedBodyException(String message, int index, long line, long column) {
        super(message);
        this.index = index;
        this.line = line;
        this.column = column;
    }

    /** The position of the event the error is in (0 for a single body), or -1 when not known. */
    public int index() {
        return index;
    }

    /** The line of the body, from 1, where parsing stopped; -1 when not known. */
    public long line() {
        return line;
    }

    /** The column, from 1, where parsing stopped; -1 when not known. */
    public long column() {
        return column;
    }
}
