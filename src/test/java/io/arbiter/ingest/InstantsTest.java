package io.arbiter.ingest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;

class InstantsTest {

    @Test
    void readsTheUsualUtcFormWithAndWithoutFractions() {
        assertThat(Instants.parse("2026-12-03T10:00:00Z")).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(Instants.parse("2026-12-03T10:00:00.5Z")).isEqualTo(Instant.ofEpochSecond(1_796_292_000L, 500_000_000));
        assertThat(Instants.parse("2024-02-29T23:59:59.123456789Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.123456789Z"));
    }

    @Test
    void leavesOtherFormsToTheGeneralParserWithTheSameAnswer() {
        assertThat(Instants.parse("2026-12-03T24:00:00Z")).isEqualTo(Instant.parse("2026-12-03T24:00:00Z"));
        assertThat(Instants.parse("2026-12-03t10:00:00z")).isEqualTo(Instant.parse("2026-12-03t10:00:00z"));
        assertThat(Instants.parse("2026-12-03T10:00:00.Z")).isEqualTo(Instant.parse("2026-12-03T10:00:00.Z"));
        assertThat(Instants.parse("+12026-12-03T10:00:00Z")).isEqualTo(Instant.parse("+12026-12-03T10:00:00Z"));
    }

    @Test
    void refusesWhatIsNotAnInstant() {
        assertThat(Instants.parse("2026-02-30T10:00:00Z")).isNull();
        assertThat(Instants.parse("2026-12-03T10:00:00.1234567890Z")).isNull();
        assertThat(Instants.parse("2026-12-03 10:00:00Z")).isNull();
        assertThat(Instants.parse("2026-12-03")).isNull();
        assertThat(Instants.parse("yesterday")).isNull();
    }

    @Property(tries = 3000)
    void answersAsInstantParseDoes(@ForAll("instantLike") String text) {
        assertThat(Instants.parse(text)).isEqualTo(reference(text));
    }

    private static Instant reference(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Strings of the fast path's shape, mostly valid, with out-of-range fields and stray characters mixed in. */
    @Provide
    Arbitrary<String> instantLike() {
        Arbitrary<String> year = Arbitraries.integers().between(0, 9999).map(y -> String.format("%04d", y));
        Arbitrary<String> two = Arbitraries.integers().between(0, 99).map(n -> String.format("%02d", n));
        Arbitrary<String> fraction = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(10)
                .map(f -> f.isEmpty() ? "" : "." + f);
        Arbitrary<String> wellFormed = Combinators.combine(year, two, two, two, two, two, fraction)
                .as((y, mo, d, h, mi, s, f) -> y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s + f + "Z");
        Arbitrary<String> noisy = wellFormed.flatMap(t -> Arbitraries.integers().between(0, t.length() - 1)
                .flatMap(i -> Arbitraries.of('x', '.', 'z', '9', ' ', '-').map(c -> t.substring(0, i) + c + t.substring(i + 1))));
        return Arbitraries.oneOf(wellFormed, wellFormed, noisy);
    }
}
