package io.arbiter.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads and validates policy documents: {@code policies/default.yaml} at start-up, the body of
 * {@code PUT /v1/policy}, a scenario's overrides. A document may leave keys out: each one left out
 * takes its value from a base policy ({@link Policy#DEFAULTS} unless another is given), so a
 * {@code PUT} body that omits a key resets it to the built-in default, not to the value in force.
 * Unknown keys, wrong types and values out of range are refused, every problem reported as a
 * {@link PolicyError} with the key's dotted path and, when the text is known, its line.
 */
public final class PolicyLoader {

    private PolicyLoader() {
    }

    /** Loads a policy file: YAML, or JSON when its name ends in {@code .json}. */
    public static PolicyDocument load(Path file) throws PolicyValidationException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new PolicyValidationException(List.of(new PolicyError("", "cannot be read: " + e, 1)));
        }
        return parse(text, PolicyFormat.ofFileName(file.getFileName().toString()));
    }

    /** Parses a policy document; keys it leaves out take the built-in defaults. */
    public static PolicyDocument parse(String text, PolicyFormat format) throws PolicyValidationException {
        return parse(text, format, Policy.DEFAULTS);
    }

    /** Parses a policy document; keys it leaves out keep their value in {@code base}. */
    public static PolicyDocument parse(String text, PolicyFormat format, Policy base)
            throws PolicyValidationException {
        JsonNode tree = read(text, format);
        try {
            return override(base, tree);
        } catch (PolicyValidationException e) {
            SourceLines lines = SourceLines.of(text, format.mapper());
            throw new PolicyValidationException(e.errors().stream()
                    .map(error -> error.atLine(lines.lineOf(error.field())))
                    .toList());
        }
    }

    /** {@code base} with the keys of an already parsed (partial) document replaced. */
    public static PolicyDocument override(Policy base, JsonNode document) throws PolicyValidationException {
        if (document == null || !document.isObject()) {
            throw new PolicyValidationException(List.of(new PolicyError("", "the policy must be a mapping of keys")));
        }
        PolicyParser parser = new PolicyParser();
        Policy policy = parser.parse(PolicyJson.merge(PolicyJson.tree(base), document));
        if (policy == null) {
            throw new PolicyValidationException(parser.errors());
        }
        return PolicyDocument.of(policy);
    }

    private static JsonNode read(String text, PolicyFormat format) throws PolicyValidationException {
        JsonNode tree;
        try {
            tree = format.mapper().readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String reason = e.getOriginalMessage().replaceAll("\\s+", " ").trim();
            throw new PolicyValidationException(List.of(
                    new PolicyError("", "malformed " + format.label() + where + ": " + reason, line)));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new PolicyValidationException(List.of(new PolicyError("", "the policy document is empty", 1)));
        }
        return tree;
    }
}
