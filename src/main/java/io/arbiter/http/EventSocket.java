package io.arbiter.http;

import io.arbiter.ingest.BodyParser;
import io.arbiter.ingest.IngestMetrics;
import io.arbiter.ingest.IngestOutcome;
import io.arbiter.ingest.Ingestor;
import io.arbiter.ingest.MalformedBodyException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One producer's WebSocket on {@code /v1/events/ws}. Each text frame holds one event or an array;
 * frames are applied one after another in the order they came, each whole or not at all, and
 * answered in that order with {@code {"seq":S,"accepted":N,"duplicates":N}} or
 * {@code {"seq":S,"errors":[…]}}. Each frame is parsed and decoded as it arrives, while earlier
 * ones are being stored; frames that wait while earlier ones are stored are taken together (at
 * most {@value #GROUP_BYTES} bytes of them; a few frames wait up to {@value #LINGER_MILLIS} ms for
 * others), so a fast producer costs one pass over the grid per group rather than per frame. A producer that sends faster than frames are stored
 * is held back: the socket stops reading while {@value #HIGH_WATER} frames wait, and reads again
 * when {@value #LOW_WATER} do.
 */
final class EventSocket {

    static final int HIGH_WATER = 64;
    static final int LOW_WATER = 16;
    /** WebSocket close status: message too big (RFC 6455, 7.4.1). */
    static final short TOO_BIG = 1009;
    /** Most bytes of waiting frames ingested together. */
    static final int GROUP_BYTES = 1024 * 1024;
    /**
     * With fewer frames than this waiting and none being stored, the socket lingers up to
     * {@value #LINGER_MILLIS} ms for more before taking them: a producer that streams sends its next
     * frames within that, and they are stored together rather than the first of them alone.
     */
    static final int PROMPT_FRAMES = 8;
    static final long LINGER_MILLIS = 1;
    private static final Logger LOG = LoggerFactory.getLogger(EventSocket.class);

    private final ServerWebSocket socket;
    private final Ingestor ingestor;
    private final IngestMetrics metrics;
    private final Context context;
    private final ArrayDeque<Frame> waiting = new ArrayDeque<>();
    private long received;
    private boolean busy;
    /** The timer of a linger under way, or -1. */
    private long linger = -1;
    private boolean paused;

    /** A frame as it arrived: its events decoded, or the answer to a frame that is not JSON. */
    private record Frame(long seq, int bytes, Ingestor.Batch decoded, JsonObject malformed, long arrivedNanos) {
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
        socket.textMessageHandler(text -> enqueue(text.getBytes(StandardCharsets.UTF_8)));
        socket.binaryMessageHandler(binary -> {
            received++;
            reply(new JsonObject().put("seq", received).put("errors", new JsonArray()
                    .add(new JsonObject().put("index", -1).put("field", "").put("message",
                            "send events as text frames holding JSON"))));
        });
    }

    private void enqueue(byte[] text) {
        long arrived = System.nanoTime();
        long seq = ++received;
        Frame frame;
        try {
            frame = new Frame(seq, text.length, ingestor.decode(BodyParser.events(text, false)), null, arrived);
        } catch (MalformedBodyException e) {
            ingestor.malformed();
            frame = new Frame(seq, text.length, null, Responses.malformed(e).put("seq", seq), arrived);
        }
        waiting.add(frame);
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
        if (waiting.size() < PROMPT_FRAMES) {
            if (linger < 0) {
                linger = context.owner().setTimer(LINGER_MILLIS, id -> {
                    linger = -1;
                    take();
                });
            }
            return;
        }
        if (linger >= 0) {
            context.owner().cancelTimer(linger);
            linger = -1;
        }
        take();
    }

    /** Takes the waiting frames, up to {@value #GROUP_BYTES} bytes of them, as one group and ingests it. */
    private void take() {
        if (busy || waiting.isEmpty()) {
            return;
        }
        List<Frame> group = new ArrayList<>();
        int bytes = 0;
        do {
            Frame frame = waiting.poll();
            group.add(frame);
            bytes += frame.bytes();
        } while (!waiting.isEmpty() && bytes + waiting.peek().bytes() <= GROUP_BYTES);
        if (paused && waiting.size() <= LOW_WATER) {
            paused = false;
            socket.resume();
        }
        busy = true;
        process(group).onComplete(done -> {
            long now = System.nanoTime();
            group.forEach(frame -> metrics.recordLatency(now - frame.arrivedNanos()));
            busy = false;
            drain();
        });
    }

    /** Ingests {@code group}, then answers each of its frames in order. */
    private Future<Void> process(List<Frame> group) {
        JsonObject[] answers = new JsonObject[group.size()];
        List<Ingestor.Batch> parsed = new ArrayList<>(group.size());
        List<Integer> parsedAt = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            Frame frame = group.get(i);
            if (frame.decoded() != null) {
                parsed.add(frame.decoded());
                parsedAt.add(i);
            } else {
                answers[i] = frame.malformed();
            }
        }
        Future<List<IngestOutcome>> stored = parsed.isEmpty() ? Future.succeededFuture(List.of())
                : Future.fromCompletionStage(ingestor.ingestEach(parsed), context);
        return stored.<Void>map(outcomes -> {
            for (int j = 0; j < outcomes.size(); j++) {
                answers[parsedAt.get(j)] = answer(group.get(parsedAt.get(j)).seq(), outcomes.get(j));
            }
            return null;
        }).recover(failure -> {
            parsedAt.forEach(i -> answers[i] = new JsonObject().put("seq", group.get(i).seq()).put("errors",
                    new JsonArray().add(new JsonObject().put("index", -1).put("field", "").put("message",
                            "events could not be stored, none was acknowledged: " + failure.getMessage()))));
            return Future.succeededFuture();
        }).onComplete(done -> Arrays.stream(answers).forEach(this::reply));
    }

    private static JsonObject answer(long seq, IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Accepted a) {
            return new JsonObject().put("seq", seq).put("accepted", a.result().accepted())
                    .put("duplicates", a.result().duplicates());
        }
        return Responses.fieldErrors(((IngestOutcome.Rejected) outcome).errors()).put("seq", seq);
    }

    private void reply(JsonObject answer) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(answer.encode());
        }
    }
}
