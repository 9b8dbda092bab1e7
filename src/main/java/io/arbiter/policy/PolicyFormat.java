package io.arbiter.policy;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Locale;
import java.util.Optional;

/** The text formats a policy document may come in. */
public enum PolicyFormat {
    /** {@code application/json}. */
    JSON("JSON", PolicyJson.JSON),
    /** {@code application/yaml} (also {@code application/x-yaml}, {@code text/yaml}). */
    YAML("YAML", PolicyJson.YAML);

    private final String label;
    private final ObjectMapper mapper;

    PolicyFormat(String label, ObjectMapper mapper) {
        this.label = label;
        this.mapper = mapper;
    }

    /** The format of a {@code Content-Type} such as {@code application/json; charset=utf-8}, if it is one. */
    public static Optional<PolicyFormat> fromMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/json" -> Optional.of(JSON);
            case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> Optional.of(YAML);
            default -> Optional.empty();
        };
    }

    /** The format of a file, by its name: {@code .json} is JSON, anything else YAML. */
    public static PolicyFormat ofFileName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
    }

    String label() {
        return label;
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
