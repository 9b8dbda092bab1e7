package io.arbiter.grid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start this process's grid member.
 *
 * @param configFile a Hazelcast member configuration (YAML or XML), or null for the built-in
 *                   single member that joins no network
 * @param zone the zone this member runs in, or null; zone-aware partition groups read it
 * @param dedupeWindow how long an accepted event id is remembered to count re-sends as duplicates
 */
public record GridOptions(Path configFile, String zone, Duration dedupeWindow) {

    public GridOptions {
        Objects.requireNonNull(dedupeWindow, "dedupeWindow");
        if (dedupeWindow.isNegative() || dedupeWindow.isZero()) {
            throw new IllegalArgumentException("dedupeWindow must be positive");
        }
    }
}
