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
     * Parses the events of a body, one per NDJSON line or as {@link #json} does, reading usage
     * events without a tree where they are plainly valid ({@link UsageReader}): an NDJSON line, a
     * single object, or an array made only of such events, straight from its bytes; in an array that
     * holds anything else, from the tree. Anything else stays a tree.
     */
    public static List<ParsedEvent> events(byte[] body, boolean ndjson) throws MalformedBodyException {
        if (!ndjson) {
            byte first = firstNonBlank(body);
            if (first == '{') {
                ParsedEvent.Usage single = UsageReader.read(body, 0, body.length);
                if (single != null) {
                    return List.of(single);
                }
            } else if (first == '[') {
                List<ParsedEvent> usage = UsageReader.readArray(body);
                if (usage != null) {
                    return usage;
                }
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

    /** The first byte that is not white space, or 0 when there is none. */
    private static byte firstNonBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return 0;
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
