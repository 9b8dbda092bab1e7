package io.arbiter.http;

import io.arbiter.testing.Http;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static io.arbiter.testing.Events.usage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand generated malformed or hostile bodies — truncated JSON, wrong types, huge numbers,
 * deep nesting, unknown types and fields, invalid UTF-8, random bytes — each must get a 4xx with a
 * JSON error body, and the server must stay healthy.
 */
class HostileBodiesIT {

    private static TestNode node;
    private static Http http;

    /** A body to send and its content type; {@code kind} names the generator, for failure reports. */
    record Body(String kind, String contentType, byte[] bytes) {
        @Override
        public String toString() {
            return kind + " (" + contentType + "): " + new String(bytes, 0, Math.min(bytes.length, 300),
                    StandardCharsets.UTF_8);
        }
    }

    @BeforeContainer
    static void start() {
        node = TestNode.start();
        http = node.http();
    }

    @AfterContainer
    static void stop() {
        assertThat(http.get("/health").status()).isEqualTo(200);
        assertThat(http.get("/ready").status()).isEqualTo(200);
        node.close();
    }

    @Property(tries = 10_000)
    void everyHostileBodyGetsA4xxWithAJsonErrorBody(@ForAll("hostile") Body body) {
        Http.Answer answer = http.post("/v1/events", body.contentType(), body.bytes());

        assertThat(answer.status()).as("status").isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonObject json = new JsonObject(answer.body());
        assertThat(json.containsKey("errors") || json.containsKey("error")).as(answer.body()).isTrue();
    }

    @Provide
    Arbitrary<Body> hostile() {
        return Arbitraries.oneOf(truncated(), wrongType(), hugeNumber(), deepNesting(), unknownType(),
                unknownField(), missingField(), invalidUtf8(), randomBytes(), notAnObject());
    }

    private static Arbitrary<JsonObject> validEvent() {
        Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
        return Combinators.combine(ids, Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 512))
                .as((id, which, amount) -> switch (which) {
                    case 0 -> platform("e-" + id, "p-" + id, amount, amount);
                    case 1 -> client("e-" + id, "c-" + id, "gold");
                    case 2 -> instance("e-" + id, "i-" + id, "c-" + id, "p-" + id, "interruptible", amount, amount);
                    default -> usage("e-" + id, "i-" + id, amount, amount, amount);
                });
    }

    private static Arbitrary<String> contentType() {
        return Arbitraries.of("application/json", "application/x-ndjson", "application/json; charset=utf-8");
    }

    private static Body body(String kind, String contentType, String text) {
        return new Body(kind, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    private Arbitrary<Body> truncated() {
        return Combinators.combine(validEvent(), Arbitraries.doubles().between(0.05, 0.95), Arbitraries.of(true, false),
                        contentType())
                .as((event, cut, inArray, type) -> {
                    String text = inArray ? new JsonArray().add(event).encode() : event.encode();
                    return body("truncated", type, text.substring(0, Math.max(1, (int) (text.length() * cut))));
                });
    }

    private Arbitrary<Body> wrongType() {
        Arbitrary<Object> wrongForText = Arbitraries.of(42, true, new JsonArray().add(1), new JsonObject().put("a", 1));
        Arbitrary<Object> wrongForNumber = Arbitraries.of("12", false, new JsonArray(), new JsonObject());
        return Combinators.combine(validEvent(), Arbitraries.integers().between(0, 50), wrongForText, wrongForNumber)
                .as((event, pick, forText, forNumber) -> {
                    List<String> fields = new ArrayList<>(event.fieldNames());
                    String field = fields.get(pick % fields.size());
                    Object current = event.getValue(field);
                    event.put(field, current instanceof String ? forText : current instanceof JsonObject ? "x" : forNumber);
                    return body("wrong type of " + field, "application/json", event.encode());
                });
    }

    private Arbitrary<Body> hugeNumber() {
        Arbitrary<String> huge = Arbitraries.oneOf(
                Arbitraries.integers().between(309, 99_999).map(e -> "1e" + e),
                Arbitraries.integers().between(309, 99_999).map(e -> "-1e" + e),
                Arbitraries.strings().numeric().ofMinLength(70).ofMaxLength(5000).map(d -> "9" + d),
                Arbitraries.strings().numeric().ofMinLength(70).ofMaxLength(500).map(d -> "0." + d + "e99999"));
        return Combinators.combine(huge, Arbitraries.of("cpu", "memoryGiB", "networkMbps")).as((number, field) -> {
            String event = usage("e-huge", "i-huge", 1, 1, 1).put(field, 0).encode()
                    .replace("\"" + field + "\":0", "\"" + field + "\":" + number);
            return body("huge number", "application/json", event);
        });
    }

    private Arbitrary<Body> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(33, 20_000), Arbitraries.of("[", "{\"a\":"))
                .as((depth, open) -> body("nesting " + depth, "application/json",
                        open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(depth)));
    }

    private Arbitrary<Body> unknownType() {
        Arbitrary<String> types = Arbitraries.strings().ofMinLength(0).ofMaxLength(40)
                .filter(t -> !List.of("platform.registered", "client.registered", "client.updated", "instance.started",
                        "instance.stopped", "usage", "forecast", "payment", "demand", "shadow.registered", "contention")
                        .contains(t));
        return Combinators.combine(validEvent(), types, contentType())
                .as((event, type, ct) -> body("unknown type", ct, event.put("type", type).encode()));
    }

    private Arbitrary<Body> unknownField() {
        Arbitrary<String> names = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(n -> "x" + n);
        return Combinators.combine(validEvent(), names, contentType())
                .as((event, name, ct) -> body("unknown field", ct, event.put(name, 1).encode()));
    }

    private Arbitrary<Body> missingField() {
        return Combinators.combine(validEvent(), Arbitraries.integers().between(0, 50), contentType())
                .as((event, pick, ct) -> {
                    List<String> fields = new ArrayList<>(event.fieldNames());
                    event.remove(fields.get(pick % fields.size()));
                    return body("missing field", ct, event.encode());
                });
    }

    private Arbitrary<Body> invalidUtf8() {
        Arbitrary<byte[]> bad = Arbitraries.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xFF},
                new byte[]{(byte) 0xE2, (byte) 0x82}, new byte[]{(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0x28},
                new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        return Combinators.combine(validEvent(), bad, contentType()).as((event, bytes, ct) -> {
            String text = event.put("name", "@@").encode();
            int at = text.indexOf("@@");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bytes);
            out.writeBytes(text.substring(at + 2).getBytes(StandardCharsets.UTF_8));
            return new Body("invalid UTF-8", ct, out.toByteArray());
        });
    }

    private Arbitrary<Body> randomBytes() {
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(2000), contentType())
                .as((bytes, ct) -> new Body("random bytes", ct, bytes))
                .filter(b -> !looksLikeValidEmptyBatch(b.bytes()));
    }

    private Arbitrary<Body> notAnObject() {
        return Combinators.combine(Arbitraries.of("null", "1", "\"event\"", "true", "[1,2]", "[null]", "[[]]", "   ", ""),
                contentType()).as((text, ct) -> body("not an object", ct, text));
    }

    /** Random bytes that happen to be an empty JSON array are a valid (empty) batch. */
    private static boolean looksLikeValidEmptyBatch(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).replaceAll("\\s", "").equals("[]");
    }
}
