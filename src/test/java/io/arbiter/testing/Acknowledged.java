package io.arbiter.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every batch of events a cluster acknowledged ({@code 202}), with the platforms and instances it
 * registered and the contentions it reported: what must still be there after members die.
 */
public final class Acknowledged {

    private final List<JsonArray> batches = new CopyOnWriteArrayList<>();
    private final Set<String> platforms = ConcurrentHashMap.newKeySet();
    private final Set<String> instances = ConcurrentHashMap.newKeySet();
    private final Set<String> contentions = ConcurrentHashMap.newKeySet();

    /** Sends {@code batch} to {@code to}, which must acknowledge it. */
    public void send(MemberProcess to, JsonArray batch) {
        Http.Answer a = to.http().events(batch.encode());
        assertThat(a.status()).as("POST /v1/events to " + to + ": " + a.body()).isEqualTo(202);
        remember(batch);
    }

    /** Sends under load or failure: a refusal or a dead member is not an acknowledgement, and not a failure. */
    public boolean trySend(MemberProcess to, JsonArray batch) {
        return trySend(to, batch, Duration.ofSeconds(30));
    }

    /**
     * As {@link #trySend(MemberProcess, JsonArray)}, from a client that gives up waiting for the
     * answer after {@code patience} (the batch may still be applied: it is not acknowledged).
     */
    public boolean trySend(MemberProcess to, JsonArray batch, Duration patience) {
        try {
            if (to.http().events(batch.encode(), patience).status() == 202) {
                remember(batch);
                return true;
            }
        } catch (RuntimeException e) {
            // not acknowledged
        }
        return false;
    }

    private void remember(JsonArray batch) {
        batches.add(batch);
        batch.forEach(o -> {
            JsonObject e = (JsonObject) o;
            switch (e.getString("type")) {
                case "platform.registered" -> platforms.add(e.getString("platformId"));
                case "instance.started" -> instances.add(e.getString("instanceId"));
                case "contention" -> contentions.add(e.getString("id"));
                default -> { }
            }
        });
    }

    /** The ids of the contention events acknowledged. */
    public Set<String> contentions() {
        return Set.copyOf(contentions);
    }

    /** The ids of the instances whose registration was acknowledged. */
    public Set<String> instances() {
        return Set.copyOf(instances);
    }

    /** Every platform and instance acknowledged is readable from {@code m}. */
    public void assertReadableFrom(MemberProcess m) {
        for (String p : platforms) {
            assertThat(m.http().get("/v1/platforms/" + p).status()).as(p + " from " + m).isEqualTo(200);
        }
        for (String id : instances) {
            assertThat(m.http().get("/v1/instances/" + id).status()).as(id + " from " + m).isEqualTo(200);
        }
    }

    /** Sent again to {@code m}, every acknowledged event counts as a duplicate: its id is still remembered. */
    public void assertRememberedBy(MemberProcess m) {
        int events = 0;
        int duplicates = 0;
        for (JsonArray batch : batches) {
            Http.Answer again = m.http().events(batch.encode());
            assertThat(again.status()).as(again.body()).isEqualTo(202);
            events += batch.size();
            duplicates += again.json().getInteger("duplicates");
        }
        assertThat(duplicates).as("acknowledged events sent again to " + m + " that were duplicates").isEqualTo(events);
    }
}
