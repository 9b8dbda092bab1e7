package io.arbiter.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key of a JSON or YAML document stands: dotted path → line (from 1). Jackson's trees
 * forget locations, so the text is walked once more with a streaming parser.
 */
final class SourceLines {

    private final Map<String, Integer> lines = new HashMap<>();

    private SourceLines() {
    }

    /** The lines of {@code text}'s keys; none when it cannot be parsed. */
    static SourceLines of(String text, ObjectMapper mapper) {
        SourceLines result = new SourceLines();
        try (JsonParser p = mapper.createParser(text)) {
            if (p.nextToken() != null) {
                result.walk(p, "");
            }
        } catch (IOException e) {
            result.lines.clear();
        }
        return result;
    }

    private void walk(JsonParser p, String path) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String child = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
                lines.putIfAbsent(child, p.currentTokenLocation().getLineNr());
                p.nextToken();
                walk(p, child);
            }
        } else if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                walk(p, path);
            }
        }
    }

    /** The line of {@code path}, or of its nearest enclosing key that has one; 0 when none has. */
    int lineOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int dot = p.lastIndexOf('.');
            p = dot < 0 ? "" : p.substring(0, dot);
        }
        return 0;
    }
}
