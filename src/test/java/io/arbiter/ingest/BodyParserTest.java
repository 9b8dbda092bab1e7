package io.arbiter.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyParserTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSingleObjectIsOneEventAndAnArrayIsManyEvents() throws Exception {
        assertThat(BodyParser.json(bytes("{\"id\":\"a\"}"))).hasSize(1);
        assertThat(BodyParser.json(bytes("[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"}]"))).hasSize(3);
    }

    @Test
    void ndjsonSkipsBlankLinesAndCountsEventsNotLines() throws Exception {
        assertThat(BodyParser.events(bytes("{\"id\":\"a\"}\n\n  \r\n{\"id\":\"b\"}\r\n"), true)).hasSize(2);
    }

    @Test
    void ndjsonErrorsNameTheLineOfTheWholeBodyAndTheEventIndex() {
        assertThatThrownBy(() -> BodyParser.events(bytes("{\"id\":\"a\"}\n\n{\"id\": x}\n"), true))
                .isInstanceOfSatisfying(MalformedBodyException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.index()).isEqualTo(1);
                    assertThat(e.getMessage()).startsWith("malformed JSON at line 3");
                });
    }

    @Test
    void trailingContentAfterTheDocumentIsRefused() {
        assertThatThrownBy(() -> BodyParser.json(bytes("{\"id\":\"a\"} {\"id\":\"b\"}")))
                .isInstanceOf(MalformedBodyException.class);
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> BodyParser.json(bytes("{\"id\":\"a\",\"id\":\"b\"}")))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("Duplicate field 'id'");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        String deep = "[".repeat(Json.MAX_NESTING + 1) + "]".repeat(Json.MAX_NESTING + 1);
        assertThatThrownBy(() -> BodyParser.json(bytes(deep))).isInstanceOf(MalformedBodyException.class);
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertThatThrownBy(() -> BodyParser.json(new byte[0])).hasMessageContaining("empty body");
        assertThatThrownBy(() -> BodyParser.events(bytes("\n \n"), true)).hasMessageContaining("empty body");
    }
}
