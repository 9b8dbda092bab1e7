package io.arbiter.bench.ingest;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends frames over one WebSocket to {@code /v1/events/ws}, keeping at most {@code window} frames
 * unacknowledged. The server answers each frame with {@code {"seq":S,…}}, S counting frames from 1;
 * every answer is matched to its frame by seq and must acknowledge all of the frame's events.
 * All of its state is touched on the socket's event loop only.
 */
final class SocketLoad implements Load {

    private final WebSocketClient client;
    private final Context context;
    private final int port;
    private final Supplier<Population.Batch> frames;
    private final int window;
    private final Tally tally;
    private final Map<Long, Integer> unacknowledged = new HashMap<>();
    private final Promise<Void> drained = Promise.promise();
    private WebSocket socket;
    private long sent;
    private volatile boolean stopping;

    SocketLoad(Vertx vertx, int port, Supplier<Population.Batch> frames, int window, Tally tally) {
        int largest = 16 * 1024 * 1024;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(largest)
                .setMaxMessageSize(largest).setTcpNoDelay(true));
        this.context = vertx.getOrCreateContext();
        this.port = port;
        this.frames = frames;
        this.window = window;
        this.tally = tally;
    }

    @Override
    public Future<Void> start() {
        Promise<Void> connected = Promise.promise();
        context.runOnContext(go -> client.connect(port, "127.0.0.1", "/v1/events/ws").map(ws -> {
            socket = ws;
            ws.textMessageHandler(this::answered);
            ws.exceptionHandler(e -> tally.failed(0, "socket error: " + e));
            ws.closeHandler(v -> {
                if (!unacknowledged.isEmpty()) {
                    int lost = unacknowledged.values().stream().mapToInt(Integer::intValue).sum();
                    tally.failed(lost, "socket closed with " + unacknowledged.size() + " frames unanswered");
                    unacknowledged.clear();
                }
                drained.tryComplete();
            });
            fill();
            return (Void) null;
        }).onComplete(connected));
        return connected.future();
    }

    private void fill() {
        while (!stopping && unacknowledged.size() < window) {
            Population.Batch frame = frames.get();
            unacknowledged.put(++sent, frame.events());
            socket.writeTextMessage(frame.body().toString());
        }
        if (stopping && unacknowledged.isEmpty()) {
            client.close().onComplete(closed -> drained.tryComplete());
        }
    }

    private void answered(String text) {
        JsonObject answer;
        try {
            answer = new JsonObject(text);
        } catch (RuntimeException e) {
            tally.failed(0, "unreadable answer: " + text);
            return;
        }
        Integer events = unacknowledged.remove(answer.getLong("seq", -1L));
        if (events == null) {
            tally.failed(0, "answer for no frame under way: " + text);
        } else {
            String problem = Load.problem(answer, events);
            if (problem == null) {
                tally.acknowledged(events);
            } else {
                tally.failed(events, problem);
            }
        }
        fill();
    }

    @Override
    public Future<Void> stop() {
        stopping = true;
        context.runOnContext(v -> {
            if (socket == null) {
                drained.tryComplete();
            } else {
                fill();
            }
        });
        return drained.future();
    }
}
