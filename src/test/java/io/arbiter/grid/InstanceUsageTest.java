package io.arbiter.grid;

import io.arbiter.domain.Event;
import io.arbiter.domain.UsageSample;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The ids an instance's usage entry remembers, and what a usage batch makes of them. */
class InstanceUsageTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final InstanceKey KEY = new InstanceKey("i1", "p1");

    @Test
    void aResentSampleIsADuplicateAndNotFoldedInTwice() {
        Map.Entry<InstanceKey, InstanceUsage> entry = new AbstractMap.SimpleEntry<>(KEY, null);
        assertThat(apply(entry, T0, "u1", "u2")).isNull();
        assertThat(apply(entry, T0.plusSeconds(5), "u2", "u3")).as("positions of the duplicates").containsExactly(0);
        assertThat(entry.getValue().aggregate().samples()).isEqualTo(3);
        assertThat(entry.getValue().remembered()).isEqualTo(3);
    }

    @Test
    void idsAreForgottenAfterTheWindowSoALateResendIsAppliedAgain() {
        Map.Entry<InstanceKey, InstanceUsage> entry = new AbstractMap.SimpleEntry<>(KEY, null);
        apply(entry, T0, "u1");
        assertThat(apply(entry, T0.plus(WINDOW).minusMillis(1), "u1")).as("inside the window").containsExactly(0);
        assertThat(apply(entry, T0.plus(WINDOW).plusMillis(1), "u1")).as("past the window").isNull();
        assertThat(entry.getValue().aggregate().samples()).isEqualTo(2);
    }

    @Test
    void atMostTheLatestRememberedIdsAreKept() {
        Map.Entry<InstanceKey, InstanceUsage> entry = new AbstractMap.SimpleEntry<>(KEY, null);
        apply(entry, T0, "first");
        String[] newer = new String[InstanceUsage.REMEMBERED - 1];
        for (int n = 0; n < newer.length; n++) {
            newer[n] = "n" + n;
        }
        apply(entry, T0, newer);
        assertThat(apply(entry, T0, "first")).as("still among the latest " + InstanceUsage.REMEMBERED).containsExactly(0);
        apply(entry, T0, "one-more");
        assertThat(entry.getValue().remembered()).isEqualTo(InstanceUsage.REMEMBERED);
        assertThat(apply(entry, T0, "first")).as("forgotten: " + InstanceUsage.REMEMBERED + " newer ids came").isNull();
        assertThat(apply(entry, T0, "n0", "n1")).as("n0, the oldest, made room for the last; n1 is remembered")
                .containsExactly(1);
    }

    @Test
    void idsAcceptedBeforeAGivenTimeAreForgotten() {
        InstanceUsage usage = new InstanceUsage();
        for (int n = 0; n < 20; n++) {
            usage.remember(n, 1000 + n);
        }
        usage.forgetBefore(1005);
        assertThat(usage.remembered()).isEqualTo(15);
        assertThat(usage.knows(4)).isFalse();
        assertThat(usage.knows(5)).isTrue();
        assertThat(usage.knows(19)).isTrue();
    }

    @Test
    void hashesTellIdsApart() {
        assertThat(InstanceUsage.hash("u-1")).isNotEqualTo(InstanceUsage.hash("u-2"));
        assertThat(InstanceUsage.hash("u-10")).isNotEqualTo(InstanceUsage.hash("u-01"));
        assertThat(InstanceUsage.hash("u-1")).isEqualTo(InstanceUsage.hash(new String("u-1")));
    }

    /** Applies usage events of instance i1 with {@code ids} at {@code at}; answers the duplicates' positions. */
    private static int[] apply(Map.Entry<InstanceKey, InstanceUsage> entry, Instant at, String... ids) {
        List<Event.UsageReported> events = new ArrayList<>();
        int[] positions = new int[ids.length];
        for (int n = 0; n < ids.length; n++) {
            events.add(new Event.UsageReported(ids[n], at, new UsageSample("i1", at, 1, 1, 1)));
            positions[n] = n;
        }
        return new UsageBatch(events, positions, at, WINDOW).process(entry);
    }

    @Property(tries = 200)
    void knowsExactlyTheIdsARingOfTheLatestWithinTheWindowWouldHold(@ForAll long seed) {
        Random random = new Random(seed);
        InstanceUsage usage = new InstanceUsage();
        java.util.ArrayDeque<long[]> reference = new java.util.ArrayDeque<>();
        long now = 0;
        for (int step = 0; step < 6_000; step++) {
            now += random.nextInt(3);
            if (random.nextInt(500) == 0) {
                long before = now - random.nextInt(2_000);
                usage.forgetBefore(before);
                while (!reference.isEmpty() && reference.peekFirst()[1] < before) {
                    reference.pollFirst();
                }
            }
            long id = random.nextInt(random.nextBoolean() ? 5_000 : 50_000);
            boolean known = reference.stream().anyMatch(r -> r[0] == id);
            assertThat(usage.knows(id)).as("step %d, id %d", step, id).isEqualTo(known);
            if (!known) {
                usage.remember(id, now);
                reference.addLast(new long[] {id, now});
                if (reference.size() > InstanceUsage.REMEMBERED) {
                    reference.pollFirst();
                }
            }
        }
        assertThat(usage.remembered()).isEqualTo(reference.size());
    }
}
