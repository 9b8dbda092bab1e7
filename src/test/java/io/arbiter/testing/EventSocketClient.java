package io.arbiter.testing;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer on a node's {@code /v1/events/ws}, through the JDK's WebSocket client: sends text
 * frames and hands back the server's replies in the order they came.
 */
public final class EventSocketClient implements WebSocket.Listener, AutoCloseable {

    private final LinkedBlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private EventSocketClient() {
    }

    /** Opens a socket to the node whose HTTP server listens on {@code port}. */
    public static EventSocketClient connect(int port) throws Exception {
        EventSocketClient client = new EventSocketClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/v1/events/ws"), client).get(10, TimeUnit.SECONDS);
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            replies.add(new JsonObject(partial.toString()));
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    /** Sends {@code text} as one text frame. */
    public void send(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    /** The next reply, which must come within {@code seconds}. */
    public JsonObject reply(int seconds) throws InterruptedException {
        JsonObject r = replies.poll(seconds, TimeUnit.SECONDS);
        assertThat(r).as("a reply within " + seconds + " s").isNotNull();
        return r;
    }

    @Override
    public void close() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }
}
