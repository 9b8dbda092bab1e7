package io.arbiter.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.domain.Event;
import io.arbiter.domain.FieldError;
import io.arbiter.domain.UsageSample;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast reader of usage events takes exactly what the general path takes as a valid usage
 * event, and reads it the same; everything else it leaves to the general path.
 */
class UsageReaderTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void readsAPlainUsageLineStraightFromItsBytes() {
        byte[] line = bytes("{\"time\":\"2026-12-03T09:59:58.5Z\",\"instanceId\":\"i-1\",\"cpu\":2,"
                + "\"memoryGiB\":3.5,\"networkMbps\":0,\"id\":\"u-1\",\"type\":\"usage\"}");

        ParsedEvent.Usage u = UsageReader.read(line, 0, line.length);

        assertThat(u).isEqualTo(new ParsedEvent.Usage("u-1", Instant.parse("2026-12-03T09:59:58.5Z"), "i-1", 2, 3.5, 0));
    }

    @Test
    void leavesAnythingDoubtfulToTheGeneralPath() {
        for (String doubtful : List.of(
                "{\"id\":\"u\",\"type\":\"usage\",\"instanceId\":\"i\",\"cpu\":1,\"memoryGiB\":1}",
                "{\"id\":\"u\",\"type\":\"usage\",\"instanceId\":\"i\",\"cpu\":1,\"memoryGiB\":1,\"networkMbps\":1,\"x\":1}",
                "{\"id\":\"u\",\"type\":\"usage\",\"instanceId\":\"i\",\"cpu\":-1,\"memoryGiB\":1,\"networkMbps\":1}",
                "{\"id\":\"u\",\"id\":\"v\",\"type\":\"usage\",\"instanceId\":\"i\",\"cpu\":1,\"memoryGiB\":1,\"networkMbps\":1}",
                "{\"id\":\"u\",\"type\":\"usage\",\"instanceId\":\"i\",\"cpu\":1,\"memoryGiB\":1,\"networkMbps\":1} {}",
                "{\"id\":\"u\",\"type\":\"demand\",\"instanceId\":\"i\",\"cpu\":1,\"memoryGiB\":1,\"networkMbps\":1}")) {
            byte[] line = bytes(doubtful);
            assertThat(UsageReader.read(line, 0, line.length)).as(doubtful).isNull();
        }
    }

    @Property(tries = 3000)
    void takesWhatTheGeneralPathTakesAndReadsItTheSame(@ForAll long seed) {
        String line = usageLike(new Random(seed));
        byte[] bytes = bytes(line);
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(bytes);
        } catch (Exception malformed) {
            assertThat(UsageReader.read(bytes, 0, bytes.length)).as(line).isNull();
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        Event general = EventDecoder.decode(tree, 0, RECEIVED, errors);
        Event.UsageReported expected = errors.isEmpty() && general instanceof Event.UsageReported u ? u : null;

        assertThat(event(UsageReader.read(bytes, 0, bytes.length))).as("from bytes: " + line).isEqualTo(expected);
        assertThat(event(UsageReader.read(tree))).as("from the tree: " + line).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void takesAnArrayOnlyWhenTheGeneralPathTakesEachOfItsEventsAsUsageAndReadsThemTheSame(@ForAll long seed) {
        Random r = new Random(seed);
        List<String> events = new ArrayList<>();
        for (int i = 1 + r.nextInt(6); i > 0; i--) {
            events.add(r.nextInt(4) == 0 ? usageLike(r) : plainUsage(r));
        }
        String body = "[" + String.join(r.nextInt(10) == 0 ? " ,\n" : ",", events) + "]" + (r.nextInt(30) == 0 ? "x" : "");
        byte[] bytes = bytes(body);

        List<ParsedEvent> fast = UsageReader.readArray(bytes);

        List<Event.UsageReported> expected = generalUsage(bytes);
        if (expected == null) {
            assertThat(fast).as(body).isNull();
        } else {
            assertThat(fast).as(body).isNotNull();
            assertThat(fast.stream().map(e -> event((ParsedEvent.Usage) e)).toList()).as(body).isEqualTo(expected);
        }
    }

    @Test
    void anArrayOfPlainUsageIsReadStraightFromItsBytesAndAnyOtherEventSendsTheWholeArrayToTheTree() throws Exception {
        String usage = "{\"id\":\"u-1\",\"type\":\"usage\",\"instanceId\":\"i-1\",\"cpu\":1,\"memoryGiB\":2,\"networkMbps\":3}";
        String demand = "{\"id\":\"d-1\",\"type\":\"demand\",\"clientId\":\"c\",\"signal\":\"s\",\"value\":1,\"ttl\":\"PT1M\"}";

        assertThat(BodyParser.events(bytes("[" + usage + "," + usage.replace("u-1", "u-2") + "]"), false))
                .hasSize(2).allMatch(e -> e instanceof ParsedEvent.Usage);
        assertThat(BodyParser.events(bytes("[" + usage + "," + demand + "]"), false))
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("Usage", "Tree");
        assertThat(UsageReader.readArray(bytes("[]"))).isNull();
        assertThat(UsageReader.readArray(bytes("[" + usage + "," + usage.replace("\"cpu\":1", "\"cpu\":1,\"cpu\":1") + "]")))
                .as("a key given twice").isNull();
    }

    /** The usage events the general path makes of a JSON array, or null when it would not take every one as usage. */
    private static List<Event.UsageReported> generalUsage(byte[] body) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(body);
        } catch (Exception malformed) {
            return null;
        }
        if (tree == null || !tree.isArray() || tree.isEmpty()) {
            return null;
        }
        List<Event.UsageReported> events = new ArrayList<>();
        for (JsonNode node : tree) {
            List<FieldError> errors = new ArrayList<>();
            Event e = EventDecoder.decode(node, events.size(), RECEIVED, errors);
            if (!errors.isEmpty() || !(e instanceof Event.UsageReported u)) {
                return null;
            }
            events.add(u);
        }
        return events;
    }

    /** A valid usage event. */
    private static String plainUsage(Random r) {
        return "{\"id\":\"u-" + r.nextInt(1000) + "\",\"type\":\"usage\",\"instanceId\":\"i-" + r.nextInt(50)
                + "\",\"cpu\":" + r.nextInt(8) + ",\"memoryGiB\":" + r.nextDouble() * 16 + ",\"networkMbps\":0.5}";
    }

    /** The event the ingestor makes of {@code u}, as {@code Ingestor} does. */
    private static Event.UsageReported event(ParsedEvent.Usage u) {
        if (u == null) {
            return null;
        }
        Instant time = u.time() != null ? u.time() : RECEIVED;
        return new Event.UsageReported(u.id(), time,
                new UsageSample(u.instanceId(), time, u.cpu(), u.memoryGiB(), u.networkMbps()));
    }

    /** A usage event, often valid, otherwise off in one or two ways a producer (or an attacker) might be. */
    private static String usageLike(Random r) {
        List<String> fields = new ArrayList<>();
        fields.add("\"id\":" + pick(r, "\"u-" + r.nextInt(1000) + "\"", "\"u-" + r.nextInt(1000) + "\"", "\"\"",
                "\"  \"", "\"a\\u0001b\"", "\"" + "x".repeat(257) + "\"", "7", "null"));
        fields.add("\"type\":" + pick(r, "\"usage\"", "\"usage\"", "\"usage\"", "\"Usage\"", "\"demand\"", "1", "null"));
        if (r.nextInt(3) > 0) {
            fields.add("\"time\":" + pick(r, "\"2026-12-03T09:00:00Z\"", "\"2026-12-03T09:00:00.123456789Z\"",
                    "\"2026-12-03T09:00:00+01:00\"", "null", "\"yesterday\"", "\"2026-02-30T00:00:00Z\"", "12"));
        }
        fields.add("\"instanceId\":" + pick(r, "\"i-" + r.nextInt(50) + "\"", "\"i-" + r.nextInt(50) + "\"", "\"\"",
                "{\"a\":1}", "[\"i\"]", "null"));
        for (String amount : new String[] {"cpu", "memoryGiB", "networkMbps"}) {
            if (r.nextInt(20) > 0) {
                fields.add("\"" + amount + "\":" + pick(r, String.valueOf(r.nextInt(64)), String.valueOf(r.nextDouble() * 100),
                        String.valueOf(r.nextDouble() * 100), "-0", "-0.5", "1e400", "1e-400", "123456789012345678901234567890",
                        "\"2\"", "null", "true", "0.1e1"));
            }
        }
        if (r.nextInt(15) == 0) {
            fields.add(pick(r, "\"extra\":1", "\"cpu\":1", "\"id\":\"again\"", "\"service\":\"s\""));
        }
        Collections.shuffle(fields, r);
        String body = "{" + String.join(r.nextInt(10) == 0 ? " , " : ",", fields) + "}";
        return switch (r.nextInt(40)) {
            case 0 -> body + " {}";
            case 1 -> body.substring(0, body.length() - 1);
            case 2 -> "[" + body + "]";
            case 3 -> " " + body + " \r";
            default -> body;
        };
    }

    private static String pick(Random r, String... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
