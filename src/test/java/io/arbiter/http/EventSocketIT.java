package io.arbiter.http;

import io.arbiter.testing.EventSocketClient;
import io.arbiter.testing.Http;
import io.arbiter.testing.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static io.arbiter.testing.Events.usage;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /v1/events/ws} with the JDK's real WebSocket client. */
class EventSocketIT {

    private static final int FRAME_LIMIT = 16 * 1024;
    private static TestNode node;
    private static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.start(1024 * 1024, FRAME_LIMIT);
        http = node.http();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void framesAreAppliedInOrderAndAnsweredWithTheirSequenceNumber() throws Exception {
        EventSocketClient producer = EventSocketClient.connect(node.port());
        producer.send(new JsonArray().add(platform("ws-e1", "ws-p1", 32, 64)).add(client("ws-e2", "ws-c1", "silver"))
                .encode());
        producer.send(instance("ws-e3", "ws-i1", "ws-c1", "ws-p1", "interruptible", 2, 4).encode());
        producer.send(new JsonArray().add(usage("ws-e4", "ws-i1", 1, 2, 3)).add(usage("ws-e4", "ws-i1", 1, 2, 3))
                .encode());

        List<JsonObject> replies = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            replies.add(producer.reply(10));
        }

        assertThat(replies).containsExactly(
                new JsonObject().put("seq", 1).put("accepted", 2).put("duplicates", 0),
                new JsonObject().put("seq", 2).put("accepted", 1).put("duplicates", 0),
                new JsonObject().put("seq", 3).put("accepted", 1).put("duplicates", 1));
        assertThat(http.get("/v1/instances/ws-i1").json().getJsonObject("usage").getLong("samples")).isEqualTo(1);
    }

    @Test
    void aBadFrameIsRefusedWholeAndTheSocketCarriesOn() throws Exception {
        EventSocketClient producer = EventSocketClient.connect(node.port());
        producer.send(new JsonArray().add(platform("ws-bad-1", "ws-p-bad", 1, 1))
                .add(client("ws-bad-2", "ws-c-bad", "diamond")).encode());
        producer.send("{\"id\": ");
        producer.send(client("ws-ok-1", "ws-c-ok", "gold").encode());

        JsonObject refused = producer.reply(10);
        JsonObject malformed = producer.reply(10);
        JsonObject accepted = producer.reply(10);

        assertThat(refused.getInteger("seq")).isEqualTo(1);
        assertThat(refused.getJsonArray("errors").getJsonObject(0).getInteger("index")).isEqualTo(1);
        assertThat(refused.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("slaTier");
        assertThat(malformed.getInteger("seq")).isEqualTo(2);
        assertThat(malformed.getJsonArray("errors").getJsonObject(0).getString("message")).contains("malformed JSON");
        assertThat(accepted).isEqualTo(new JsonObject().put("seq", 3).put("accepted", 1).put("duplicates", 0));
        assertThat(http.get("/v1/platforms/ws-p-bad").status()).isEqualTo(404);
    }

    @Test
    void aMessageOverTheLimitClosesTheSocketWithMessageTooBig() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            WebSocketClient client = vertx.createWebSocketClient();
            io.vertx.core.http.WebSocket socket = client.connect(node.port(), "127.0.0.1", "/v1/events/ws")
                    .await(10, TimeUnit.SECONDS);
            CompletableFuture<Short> closedWith = new CompletableFuture<>();
            socket.closeHandler(v -> closedWith.complete(socket.closeStatusCode()));
            String big = "[" + "{\"id\":\"x\"},".repeat(FRAME_LIMIT / 10) + "{}]";

            socket.writeTextMessage(big);

            assertThat(closedWith.get(10, TimeUnit.SECONDS)).isEqualTo((short) 1009);
            assertThat(http.get("/health").status()).isEqualTo(200);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
