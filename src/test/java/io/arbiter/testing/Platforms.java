package io.arbiter.testing;

import io.vertx.core.json.JsonArray;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Platforms set up on a running node for arbitration tests. */
public final class Platforms {

    private Platforms() {
    }

    /**
     * A platform of 16 cores with three 4-core interruptible instances ({@code <p>-i1..3}), started
     * an hour ago, of a bronze client of its own ({@code cheap-<p>}, so each has its own disruption
     * budget); answers the platform id once the client has a score.
     */
    public static String withThreeInstances(Http http) {
        String p = "p-" + UUID.randomUUID();
        String hourAgo = Instant.now().minusSeconds(3600).toString();
        JsonArray events = new JsonArray().add(platform("e-" + p, p, 16, 64)).add(client("c-" + p, "cheap-" + p, "bronze"));
        for (int n = 1; n <= 3; n++) {
            events.add(instance("e-" + p + n, p + "-i" + n, "cheap-" + p, p, "interruptible", 4, 8).put("time", hourAgo));
        }
        assertThat(http.events(events.encode()).status()).isEqualTo(202);
        await().atMost(30, TimeUnit.SECONDS).until(() ->
                http.get("/v1/clients/cheap-" + p).json().getValue("cvs") != null);
        return p;
    }
}
