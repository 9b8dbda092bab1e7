package io.arbiter.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDocumentTest {

    private final PolicyDocument doc = PolicyDocument.defaults();

    @Test
    void ifMatchAcceptsTheVersionQuotedOrNotAndTheWildcard() {
        assertThat(doc.matches(doc.version())).isTrue();
        assertThat(doc.matches("\"" + doc.version() + "\"")).isTrue();
        assertThat(doc.matches("W/\"" + doc.version() + "\"")).isTrue();
        assertThat(doc.matches("\"other\", \"" + doc.version() + "\"")).isTrue();
        assertThat(doc.matches("*")).isTrue();
        assertThat(doc.matches(null)).isTrue();
    }

    @Test
    void ifMatchWithAnotherVersionDoesNotMatch() {
        assertThat(doc.matches("\"0123456789ab\"")).isFalse();
    }
}
