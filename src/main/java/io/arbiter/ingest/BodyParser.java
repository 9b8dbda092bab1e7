package io.arbiter.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a body into its events: a JSON object, a JSON array of values, or NDJSON (one object per
 * line, blank lines skipped). Malformed input throws {@link MalformedBodyException}
 * with the line and column, counted over the whole body.
 */
public final class BodyParser {

    private BodyParser() {
    }

    /** Parses an {@code application/json} body: one event or an array of events. */
    public static List<JsonNode> json(byte[] body) throws MalformedBodyException {
        JsonNode root = parse(body, 0, body.length, 0, 0);
        if (root == null || root.isMissingNode()) {
            throw new MalformedBodyException("empty body: send a JSON object or an array of objects", 0, 1, 1);
        }
        if (root.isArray()) {
            List<JsonNode> events = new ArrayList<>(root.size());
            root.forEach(events::add);
            return events;
        }
        return List.of(root);
    }

    /**
     * Parses the events of a body, as {@link #ndjson} or {@link #json} do, reading usage events
     * without a tree where they are plainly valid ({@link UsageReader}): in an NDJSON line, straight
     * from its bytes; in a JSON array or object, from the tree. Anything else stays a tree.
     */
    public static List<ParsedEvent> events(byte[] body, boolean ndjson) throws MalformedBodyException {
        if (!ndjson) {
            ParsedEvent.Usage single = startsWithObject(body) ? UsageReader.read(body, 0, body.length) : null;
            if (single != null) {
                return List.of(single);
            }
            List<JsonNode> nodes = json(body);
            List<ParsedEvent> events = new ArrayList<>(nodes.size());
            for (JsonNode node : nodes) {
                ParsedEvent.Usage usage = UsageReader.read(node);
                events.add(usage != null ? usage : new ParsedEvent.Tree(node));
            }
            return events;
        }
        List<ParsedEvent> events = new ArrayList<>();
        int start = 0;
        long line = 1;
        while (start <= body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            if (!isBlank(body, start, end)) {
                ParsedEvent.Usage usage = UsageReader.read(body, start, end - start);
                events.add(usage != null ? usage
                        : new ParsedEvent.Tree(parse(body, start, end - start, events.size(), line - 1)));
            }
            start = end + 1;
            line++;
        }
        if (events.isEmpty()) {
            throw new MalformedBodyException("empty body: send one JSON object per line", 0, 1, 1);
        }
        return events;
    }

    private static JsonNode parse(byte[] body, int offset, int length, int index, long linesBefore)
            throws MalformedBodyException {
        try {
            return Json.MAPPER.readTree(body, offset, length);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            long line = at == null ? -1 : at.getLineNr() + linesBefore;
            long column = at == null ? -1 : at.getColumnNr();
            throw new MalformedBodyException("malformed JSON at line " + line + ", column " + column + ": "
                    + e.getOriginalMessage(), index, line, column);
        } catch (java.io.IOException e) {
            throw new MalformedBodyException("unreadable body: " + e.getMessage(), index, -1, -1);
        }
    }

    /** True when the first character that is not white space opens an object. */
    private static boolean startsWithObject(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }

    private static boolean isBlank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
