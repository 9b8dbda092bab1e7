package io.arbiter.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.io.IOException;

/**
 * The baseline: the same Vert.x HTTP stack as Arbiter (one verticle, a vertx-web router, a body
 * handler, a WebSocket route) doing only the parse work — Jackson {@code readTree} of the body, of
 * each NDJSON line, or of the frame — and answering {@code 202 {"accepted":N,"duplicates":0}}, or
 * {@code {"seq":S,"accepted":N,"duplicates":0}} per frame. No validation, no grid.
 */
final class BareServer extends VerticleBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NDJSON = "application/x-ndjson";

    private HttpServer server;

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.post("/v1/events").handler(BodyHandler.create(false).setBodyLimit(64L * 1024 * 1024))
                .handler(this::events);
        router.get("/v1/events/ws").handler(ctx -> ctx.request().toWebSocket().onSuccess(this::socket));
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setMaxWebSocketFrameSize(1024 * 1024).setMaxWebSocketMessageSize(1024 * 1024))
                .requestHandler(router);
        return server.listen();
    }

    int port() {
        return server.actualPort();
    }

    private void events(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        byte[] body = ctx.body().buffer().getBytes();
        int events;
        try {
            events = type != null && type.startsWith(NDJSON) ? parseLines(body) : parse(body, 0, body.length);
        } catch (IOException e) {
            ctx.response().setStatusCode(400).end(new JsonObject().put("error", e.getMessage()).toBuffer());
            return;
        }
        ctx.response().setStatusCode(202).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("accepted", events).put("duplicates", 0).toBuffer());
    }

    private void socket(ServerWebSocket ws) {
        long[] seq = {0};
        ws.textMessageHandler(text -> {
            JsonObject answer = new JsonObject().put("seq", ++seq[0]);
            try {
                byte[] frame = Buffer.buffer(text).getBytes();
                answer.put("accepted", parse(frame, 0, frame.length)).put("duplicates", 0);
            } catch (IOException e) {
                answer.put("errors", e.getMessage());
            }
            ws.writeTextMessage(answer.encode());
        });
    }

    /** Events in a JSON body: the array's size, or one. */
    private static int parse(byte[] body, int offset, int length) throws IOException {
        JsonNode root = MAPPER.readTree(body, offset, length);
        return root.isArray() ? root.size() : 1;
    }

    private static int parseLines(byte[] body) throws IOException {
        int events = 0;
        int start = 0;
        while (start < body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            if (end > start) {
                events += parse(body, start, end - start);
            }
            start = end + 1;
        }
        return events;
    }
}
