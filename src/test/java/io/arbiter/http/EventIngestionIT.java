package io.arbiter.http;

import io.arbiter.testing.Http;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static io.arbiter.testing.Events.usage;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/events} and the state reads, against a real node over real HTTP. */
class EventIngestionIT {

    private static final int BODY_LIMIT = 64 * 1024;
    private static TestNode node;
    private static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.start(BODY_LIMIT, 32 * 1024);
        http = node.http();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void aValidBatchIsStoredAndReadable() {
        String p = unique("p");
        String c = unique("c");
        String i1 = unique("i");
        String i2 = unique("i");
        JsonArray batch = new JsonArray()
                .add(platform(unique("e"), p, 64, 256))
                .add(client(unique("e"), c, "gold"))
                .add(instance(unique("e"), i1, c, p, "interruptible", 4, 16))
                .add(instance(unique("e"), i2, c, p, "uninterruptible", 8, 32))
                .add(usage(unique("e"), i1, 2.5, 10, 100));

        Http.Answer answer = http.events(batch.encode());

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json()).isEqualTo(new JsonObject().put("accepted", 5).put("duplicates", 0));
        JsonObject platformView = http.get("/v1/platforms/" + p).json();
        assertThat(platformView.getJsonObject("capacity").getDouble("cpu")).isEqualTo(64.0);
        assertThat(platformView.getJsonObject("allocated").getDouble("cpu")).isEqualTo(12.0);
        assertThat(platformView.getJsonObject("free").getDouble("memoryGiB")).isEqualTo(208.0);
        assertThat(platformView.getJsonObject("instances").getInteger("interruptible")).isEqualTo(1);
        assertThat(platformView.getJsonObject("instances").getInteger("uninterruptible")).isEqualTo(1);
        JsonObject inst = http.get("/v1/instances/" + i1).json();
        assertThat(inst.getString("state")).isEqualTo("running");
        assertThat(inst.getString("kind")).isEqualTo("interruptible");
        assertThat(inst.getJsonObject("usage").getDouble("cpu")).isEqualTo(2.5);
        assertThat(http.get("/v1/clients/" + c).json().getString("slaTier")).isEqualTo("gold");
    }

    @Test
    void ndjsonBodiesAreTakenOneEventPerLine() {
        String p = unique("p");
        String body = platform(unique("e"), p, 8, 8).encode() + "\n\n" + client(unique("e"), unique("c"), "bronze").encode()
                + "\n";

        Http.Answer answer = http.post("/v1/events", "application/x-ndjson", body);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().getInteger("accepted")).isEqualTo(2);
        assertThat(http.get("/v1/platforms/" + p).status()).isEqualTo(200);
    }

    @Test
    void aBatchWithOneBadEventIsRefusedWholeAndNothingOfItIsReadable() {
        String p = unique("p");
        String c = unique("c");
        JsonObject bad = instance(unique("e"), unique("i"), c, p, "sometimes", 4, 16);
        JsonArray batch = new JsonArray().add(platform(unique("e"), p, 64, 256)).add(client(unique("e"), c, "gold"))
                .add(bad);

        Http.Answer answer = http.events(batch.encode());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors()).hasSize(1);
        JsonObject error = answer.errors().getJsonObject(0);
        assertThat(error.getInteger("index")).isEqualTo(2);
        assertThat(error.getString("field")).isEqualTo("kind");
        assertThat(error.getString("message")).contains("interruptible");
        assertThat(http.get("/v1/platforms/" + p).status()).isEqualTo(404);
        assertThat(http.get("/v1/clients/" + c).status()).isEqualTo(404);
    }

    @Test
    void everyProblemOfEveryEventIsNamedByIndexAndField() {
        JsonArray batch = new JsonArray()
                .add(new JsonObject().put("id", unique("e")).put("type", "platform.registered").put("platformId", "x")
                        .put("datacentre", "dc").put("zone", "z").put("capacity", new JsonObject().put("cpu", -1)))
                .add(new JsonObject().put("type", "no.such.type"))
                .add(usage(unique("e"), unique("unknown-instance"), 1, 1, 1).put("colour", "red"));

        Http.Answer answer = http.events(batch.encode());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors().stream().map(o -> ((JsonObject) o).getInteger("index") + ":"
                + ((JsonObject) o).getString("field")).collect(Collectors.toList()))
                .containsExactlyInAnyOrder("0:capacity.cpu", "0:capacity.memoryGiB", "1:id", "1:type", "2:colour");
    }

    @Test
    void eventsNamingUnknownInstancesAreRefused() {
        Http.Answer answer = http.events(usage(unique("e"), "never-started", 1, 1, 1).encode());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors().getJsonObject(0).getString("field")).isEqualTo("instanceId");
        assertThat(answer.errors().getJsonObject(0).getString("message")).contains("unknown instance 'never-started'");
    }

    @Test
    void reSentEventsAreCountedAsDuplicatesAndNotAppliedTwice() {
        String p = unique("p");
        String c = unique("c");
        String i = unique("i");
        http.events(new JsonArray().add(platform(unique("e"), p, 64, 256)).add(client(unique("e"), c, "gold"))
                .add(instance(unique("e"), i, c, p, "interruptible", 4, 16)).encode());
        JsonObject sample = usage(unique("e"), i, 1, 1, 1);
        JsonArray twiceInOneBatch = new JsonArray().add(sample).add(sample).add(usage(unique("e"), i, 3, 1, 1));

        Http.Answer first = http.events(twiceInOneBatch.encode());
        Http.Answer again = http.events(sample.encode());

        assertThat(first.json()).isEqualTo(new JsonObject().put("accepted", 2).put("duplicates", 1));
        assertThat(again.json()).isEqualTo(new JsonObject().put("accepted", 0).put("duplicates", 1));
        assertThat(http.get("/v1/instances/" + i).json().getJsonObject("usage").getLong("samples")).isEqualTo(2);
    }

    @Test
    void malformedJsonIsA400WithLineAndColumn() {
        Http.Answer answer = http.events("[\n  {\"id\": \"e1\",\n   \"type\": }\n]");

        assertThat(answer.status()).isEqualTo(400);
        JsonObject error = answer.errors().getJsonObject(0);
        assertThat(error.getInteger("line")).isEqualTo(3);
        assertThat(error.getInteger("column")).isGreaterThan(1);
        assertThat(error.getString("message")).startsWith("malformed JSON at line 3");
    }

    @Test
    void malformedNdjsonNamesTheLineOfTheWholeBody() {
        String body = platform(unique("e"), unique("p"), 1, 1).encode() + "\n" + "{\"id\": oops}\n";

        Http.Answer answer = http.post("/v1/events", "application/x-ndjson", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors().getJsonObject(0).getInteger("line")).isEqualTo(2);
        assertThat(answer.errors().getJsonObject(0).getInteger("index")).isEqualTo(1);
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        String big = new JsonArray(IntStream.range(0, 2000)
                .mapToObj(n -> client("e" + n, "c" + n, "gold")).collect(Collectors.toList())).encode();
        assertThat(big.length()).isGreaterThan(BODY_LIMIT);

        Http.Answer answer = http.events(big);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().getString("error")).contains(String.valueOf(BODY_LIMIT));
    }

    @Test
    void anotherContentTypeIsA415() {
        Http.Answer answer = http.post("/v1/events", "text/plain", "hello");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().getString("error")).contains("application/x-ndjson");
    }

    @Test
    void unknownIdsAre404WithAJsonError() {
        for (String path : new String[]{"/v1/platforms/none", "/v1/instances/none", "/v1/clients/none"}) {
            Http.Answer answer = http.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.json().getString("error")).as(path).contains("'none'");
        }
    }

    @Test
    void healthAndReadinessAnswer() {
        assertThat(http.get("/health").status()).isEqualTo(200);
        Http.Answer ready = http.get("/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().getJsonObject("checks").getBoolean("grid")).isTrue();
    }
}
