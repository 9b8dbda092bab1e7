package io.arbiter.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a usage event, the bulk of the traffic, without the general decoder: straight from the
 * bytes of an NDJSON line or single object ({@link #read(byte[], int, int)}) or of a JSON array of
 * them ({@link #readArray}), or from a JSON tree with a handful of lookups ({@link #read(JsonNode)}).
 * It takes only what is plainly valid — an object with
 * {@code "type":"usage"}, exactly the fields of a usage event, each once and as {@link EventDecoder}
 * accepts it — and answers null for anything else, which then goes to the general path: that path
 * decides every doubtful case and names every problem, so the two never disagree on what is valid.
 */
final class UsageReader {

    private static final String USAGE = "usage";

    private UsageReader() {
    }

    /** The usage event in {@code length} bytes of {@code body} from {@code offset}, or null. */
    static ParsedEvent.Usage read(byte[] body, int offset, int length) {
        try (JsonParser p = parser(body, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ParsedEvent.Usage usage = readObject(p);
            return usage != null && p.nextToken() == null ? usage : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The events of a JSON array in {@code body}, read straight from its bytes, when it holds at
     * least one event and every one is a usage event {@link #read(byte[], int, int)} would take; null
     * otherwise (then the whole body goes to the general path, which names what is wrong).
     */
    static List<ParsedEvent> readArray(byte[] body) {
        try (JsonParser p = parser(body, 0, body.length)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<ParsedEvent> events = new ArrayList<>();
            JsonToken t;
            for (t = p.nextToken(); t == JsonToken.START_OBJECT; t = p.nextToken()) {
                ParsedEvent.Usage usage = readObject(p);
                if (usage == null) {
                    return null;
                }
                events.add(usage);
            }
            return t == JsonToken.END_ARRAY && p.nextToken() == null && !events.isEmpty() ? events : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A parser of the mapper's factory (its limits on nesting, numbers and strings) without its
     * check for duplicate keys: {@link Fields} takes each field once and answers null for any field
     * it does not know, so a repeated key never gets past it, and the general path, which keeps the
     * check, decides and names it.
     */
    private static JsonParser parser(byte[] body, int offset, int length) throws IOException {
        return Json.MAPPER.getFactory().createParser(body, offset, length)
                .disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** The usage event of the object whose start {@code p} is at, read to its end; or null. */
    private static ParsedEvent.Usage readObject(JsonParser p) throws IOException {
        Fields f = new Fields();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (!f.take(name, value, p)) {
                return null;
            }
        }
        return p.currentToken() == JsonToken.END_OBJECT ? f.usage() : null;
    }

    /** The usage event {@code node} holds, or null. */
    static ParsedEvent.Usage read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || !USAGE.equals(type.textValue())) {
            return null;
        }
        Fields f = new Fields();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!f.take(e.getKey(), e.getValue())) {
                return null;
            }
        }
        return f.usage();
    }

    /** The fields of one usage event as they are read; each may be taken once. */
    private static final class Fields {

        private String id;
        private boolean usageType;
        private boolean timeSeen;
        private Instant time;
        private String instanceId;
        private double cpu = Double.NaN;
        private double memoryGiB = Double.NaN;
        private double networkMbps = Double.NaN;

        /** Takes a field from a streaming parser at its value; false when it is not plainly valid. */
        boolean take(String name, JsonToken value, JsonParser p) throws IOException {
            switch (name) {
                case "id" -> {
                    return id == null && value == JsonToken.VALUE_STRING && (id = FieldReader.validText(p.getText())) != null;
                }
                case "type" -> {
                    return !usageType && value == JsonToken.VALUE_STRING && (usageType = USAGE.equals(p.getText()));
                }
                case "time" -> {
                    if (timeSeen || value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                        return false;
                    }
                    timeSeen = true;
                    return value == JsonToken.VALUE_NULL || (time = Instants.parse(p.getText())) != null;
                }
                case "instanceId" -> {
                    return instanceId == null && value == JsonToken.VALUE_STRING
                            && (instanceId = FieldReader.validText(p.getText())) != null;
                }
                case "cpu" -> {
                    return Double.isNaN(cpu) && !Double.isNaN(cpu = amount(value, p));
                }
                case "memoryGiB" -> {
                    return Double.isNaN(memoryGiB) && !Double.isNaN(memoryGiB = amount(value, p));
                }
                case "networkMbps" -> {
                    return Double.isNaN(networkMbps) && !Double.isNaN(networkMbps = amount(value, p));
                }
                default -> {
                    return false;
                }
            }
        }

        /** Takes a field of a JSON tree; false when it is not plainly valid. */
        boolean take(String name, JsonNode value) {
            switch (name) {
                case "id" -> {
                    return value.isTextual() && (id = FieldReader.validText(value.textValue())) != null;
                }
                case "type" -> {
                    return usageType = value.isTextual() && USAGE.equals(value.textValue());
                }
                case "time" -> {
                    timeSeen = true;
                    return value.isNull() || value.isTextual() && (time = Instants.parse(value.textValue())) != null;
                }
                case "instanceId" -> {
                    return value.isTextual() && (instanceId = FieldReader.validText(value.textValue())) != null;
                }
                case "cpu" -> {
                    return !Double.isNaN(cpu = amount(value));
                }
                case "memoryGiB" -> {
                    return !Double.isNaN(memoryGiB = amount(value));
                }
                case "networkMbps" -> {
                    return !Double.isNaN(networkMbps = amount(value));
                }
                default -> {
                    return false;
                }
            }
        }

        /** The event, when every required field was taken. */
        ParsedEvent.Usage usage() {
            return id != null && usageType && instanceId != null && !Double.isNaN(cpu) && !Double.isNaN(memoryGiB)
                    && !Double.isNaN(networkMbps)
                    ? new ParsedEvent.Usage(id, time, instanceId, cpu, memoryGiB, networkMbps) : null;
        }

        private static double amount(JsonToken value, JsonParser p) throws IOException {
            if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
                return Double.NaN;
            }
            return FieldReader.validAmount(p.getDoubleValue());
        }

        private static double amount(JsonNode value) {
            return value.isNumber() ? FieldReader.validAmount(value.doubleValue()) : Double.NaN;
        }
    }
}
