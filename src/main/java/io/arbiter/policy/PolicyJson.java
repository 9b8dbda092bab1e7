package io.arbiter.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The policy's JSON form: mappers for reading JSON and YAML documents (duplicate keys refused),
 * the tree of a {@link Policy} (durations as ISO-8601 strings, money as decimal strings), its
 * canonical text for hashing, and the merge of a partial document over a complete one.
 */
final class PolicyJson {

    /** Reads JSON documents. */
    static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();

    /** Reads YAML documents. */
    static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();

    /** Mappings that a partial document replaces whole instead of merging into: their keys are names, not settings. */
    private static final Set<String> REPLACED_WHOLE = Set.of("demand.signals");

    private static final ObjectMapper WRITER = writer(false);
    private static final ObjectMapper CANONICAL = writer(true);

    private PolicyJson() {
    }

    private static ObjectMapper writer(boolean sorted) {
        SimpleModule money = new SimpleModule().addSerializer(BigDecimal.class, ToStringSerializer.instance);
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(money)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, sorted)
                .build();
    }

    /** The policy as a tree, keys in the order of {@link Policy}'s components. */
    static ObjectNode tree(Policy policy) {
        return WRITER.valueToTree(policy);
    }

    /** The policy as compact JSON with every key sorted: equal policies give equal text. */
    static String canonical(Policy policy) {
        try {
            return CANONICAL.writeValueAsString(tree(policy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy could not be written as JSON", e);
        }
    }

    /** Compact JSON of {@code node}. */
    static String text(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy could not be written as JSON", e);
        }
    }

    /**
     * {@code override} merged over a copy of {@code base}: mappings merge key by key, anything else
     * (and the mappings of {@link #REPLACED_WHOLE}) replaces what the base had.
     */
    static JsonNode merge(JsonNode base, JsonNode override) {
        if (!base.isObject() || !override.isObject()) {
            return override;
        }
        ObjectNode merged = ((ObjectNode) base).deepCopy();
        mergeInto(merged, (ObjectNode) override, "");
        return merged;
    }

    private static void mergeInto(ObjectNode target, ObjectNode override, String path) {
        override.fields().forEachRemaining(e -> {
            String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode existing = target.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()
                    && !REPLACED_WHOLE.contains(childPath)) {
                mergeInto((ObjectNode) existing, (ObjectNode) e.getValue(), childPath);
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }
}
