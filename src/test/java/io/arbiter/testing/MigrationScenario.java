package io.arbiter.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * A full platform of 16 cores that only a migration can make room on: a silver client's
 * uninterruptible 8-core instance (serving {@code service}, or none) and a gold client's; a free
 * 8-core shadow slot on a spare platform. With the CVS weighted by SLA tier alone, an extreme
 * contention for a platinum beneficiary moves the silver instance (the gold one is too close in
 * value) and charges the silver client.
 *
 * @param service the service the silver instance serves, or null
 */
public record MigrationScenario(String platform, String spare, String client, String instance, String slot,
                                String service) {

    /** The scenario on platform {@code platformId}, its other names derived from it. */
    public static MigrationScenario on(String platformId, String service) {
        return new MigrationScenario(platformId, "spare-" + platformId, "silver-" + platformId, platformId + "-u1",
                "slot-" + platformId, service);
    }

    /** The events that set it up, the instances started at {@code startedAt}. */
    public JsonArray events(Instant startedAt) {
        JsonObject moved = Events.instance("e-" + instance, instance, client, platform, "uninterruptible", 8, 8)
                .put("time", startedAt.toString());
        if (service != null) {
            moved.put("service", service);
        }
        return new JsonArray().add(Events.platform("e-" + platform, platform, 16, 64))
                .add(Events.platform("e-" + spare, spare, 64, 256))
                .add(Events.client("c-" + client, client, "silver"))
                .add(Events.client("g-" + platform, "gold-" + platform, "gold"))
                .add(moved)
                .add(Events.instance("e-" + platform + "-g1", platform + "-g1", "gold-" + platform, platform,
                        "uninterruptible", 8, 8).put("time", startedAt.toString()))
                .add(Events.shadowSlot("r-" + slot, slot, spare, 8, 16));
    }

    /** The contention that calls for the migration. */
    public JsonObject extremeContention(String id, String beneficiary) {
        return Events.contention(id, platform, "extreme", 8, beneficiary);
    }

    /** The id the copy runs under once moved. */
    public String copy() {
        return instance + "@" + slot;
    }
}
