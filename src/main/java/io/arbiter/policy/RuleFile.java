package io.arbiter.policy;

import java.time.Instant;

/**
 * One rule file of a compiled revision, for {@code GET /v1/rules}.
 *
 * @param name the file's name in the rules folder, such as {@code cvs.drl}
 * @param loadedAt when the revision it belongs to was compiled
 */
public record RuleFile(String name, Instant loadedAt) {
}
