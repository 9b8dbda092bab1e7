package io.arbiter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.ingest.BodyParser;
import io.arbiter.ingest.IngestMetrics;
import io.arbiter.ingest.IngestOutcome;
import io.arbiter.ingest.Ingestor;
import io.arbiter.ingest.MalformedBodyException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One producer's WebSocket on {@code /v1/events/ws}. Each text frame holds one event or an array;
 * frames are applied one after another in the order they came, each whole or not at all, and
 * answered with {@code {"seq":S,"accepted":N,"duplicates":N}} or {@code {"seq":S,"errors":[…]}}.
 * A producer that sends faster than frames are stored is held back: the socket stops reading
 * while {@value #HIGH_WATER} frames wait, and reads again when {@value #LOW_WATER} do.
 */
final class EventSocket {

    static final int HIGH_WATER = 64;
    static final int LOW_WATER = 16;
    /** WebSocket close status: message too big (RFC 6455, 7.4.1). */
    static final short TOO_BIG = 1009;
    private static final Logger LOG = LoggerFactory.getLogger(EventSocket.class);

    private final ServerWebSocket socket;
    private final Ingestor ingestor;
    private final IngestMetrics metrics;
    private final Context context;
    private final ArrayDeque<Frame> waiting = new ArrayDeque<>();
    private long received;
    private boolean busy;
    private boolean paused;

    private record Frame(long seq, Buffer text, long arrivedNanos) {
    }

    EventSocket(ServerWebSocket socket, Ingestor ingestor, IngestMetrics metrics) {
        this.socket = socket;
        this.ingestor = ingestor;
        this.metrics = metrics;
        this.context = Vertx.currentContext();
    }

    void start() {
        socket.exceptionHandler(failure -> {
            if (!socket.isClosed()) {
                LOG.info("closing an event socket from {}: {}", socket.remoteAddress(), failure.getMessage());
                socket.close(TOO_BIG, "message over the limit or not a valid WebSocket frame");
            }
        });
        socket.textMessageHandler(text -> enqueue(Buffer.buffer(text.getBytes(StandardCharsets.UTF_8))));
        socket.binaryMessageHandler(binary -> {
            received++;
            reply(new JsonObject().put("seq", received).put("errors", new JsonArray()
                    .add(new JsonObject().put("index", -1).put("field", "").put("message",
                            "send events as text frames holding JSON"))));
        });
    }

    private void enqueue(Buffer text) {
        waiting.add(new Frame(++received, text, System.nanoTime()));
        if (waiting.size() >= HIGH_WATER && !paused) {
            paused = true;
            socket.pause();
        }
        drain();
    }

    private void drain() {
        if (busy || waiting.isEmpty()) {
            return;
        }
        Frame frame = waiting.poll();
        if (paused && waiting.size() <= LOW_WATER) {
            paused = false;
            socket.resume();
        }
        busy = true;
        process(frame).onComplete(done -> {
            metrics.recordLatency(System.nanoTime() - frame.arrivedNanos());
            busy = false;
            drain();
        });
    }

    private Future<Void> process(Frame frame) {
        List<JsonNode> nodes;
        try {
            nodes = BodyParser.json(frame.text().getBytes());
        } catch (MalformedBodyException e) {
            ingestor.malformed();
            reply(Responses.malformed(e).put("seq", frame.seq()));
            return Future.succeededFuture();
        }
        return Future.fromCompletionStage(ingestor.ingest(nodes), context).map(outcome -> {
            if (outcome instanceof IngestOutcome.Accepted a) {
                reply(new JsonObject().put("seq", frame.seq()).put("accepted", a.result().accepted())
                        .put("duplicates", a.result().duplicates()));
            } else if (outcome instanceof IngestOutcome.Rejected r) {
                reply(Responses.fieldErrors(r.errors()).put("seq", frame.seq()));
            }
            return (Void) null;
        }).recover(failure -> {
            reply(new JsonObject().put("seq", frame.seq()).put("errors", new JsonArray().add(
                    new JsonObject().put("index", -1).put("field", "").put("message",
                            "events could not be stored, none was acknowledged: " + failure.getMessage()))));
            return Future.succeededFuture();
        });
    }

    private void reply(JsonObject answer) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(answer.encode());
        }
    }
}
