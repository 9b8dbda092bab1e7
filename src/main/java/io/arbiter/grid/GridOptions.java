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
 * @param starter how the member is started from its configuration; null for Hazelcast's own start
 *                (tests hand in a member whose network they can cut)
 */
public record GridOptions(Path configFile, String zone, Duration dedupeWindow, MemberStarter starter) {

    /** Options of a member started the ordinary way. */
    public GridOptions(Path configFile, String zone, Duration dedupeWindow) {
        this(configFile, zone, dedupeWindow, null);
    }

    public GridOptions {
        Objects.requireNonNull(dedupeWindow, "dedupeWindow");
        if (dedupeWindow.isNegative() || dedupeWindow.isZero()) {
            throw new IllegalArgumentException("dedupeWindow must be positive");
        }
    }
}
