package io.arbiter.arbitration;

import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.Resources;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A platform's roster groups its instances as a decision reads them, and a patched roster equals one made anew. */
class PlatformRosterTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void groupsRunningInstancesByClientYoungestFirstAndCountsTheOthers() {
        PlatformRoster roster = PlatformRoster.of(List.of(
                instance("old", "a", InstanceKind.INTERRUPTIBLE, 3600, InstanceState.RUNNING),
                instance("young", "a", InstanceKind.INTERRUPTIBLE, 60, InstanceState.RUNNING),
                instance("b-twin", "a", InstanceKind.INTERRUPTIBLE, 60, InstanceState.RUNNING),
                instance("steady", "a", InstanceKind.UNINTERRUPTIBLE, 10, InstanceState.RUNNING),
                instance("leaving", "b", InstanceKind.INTERRUPTIBLE, 10, InstanceState.STOPPING),
                instance("gone", "b", InstanceKind.INTERRUPTIBLE, 10, InstanceState.STOPPED)));

        assertThat(described(roster)).isEqualTo(Map.of(
                "a", "interruptible [b-twin, young, old] uninterruptible [steady] not running []",
                "b", "interruptible [] uninterruptible [] not running [gone, leaving]"));
        assertThat(roster.runningInterruptible()).isEqualTo(3);
        assertThat(roster.runningUninterruptible()).isEqualTo(1);
        assertThat(roster.notRunning()).isEqualTo(2);
        assertThat(roster.holdingInterruptible()).as("stopping still holds its room").isEqualTo(4);
        assertThat(roster.allocated()).isEqualTo(new Resources(5, 10));
    }

    @Test
    void anInstanceStartedAgainForAnotherClientLeavesItsFormerClient() {
        PlatformRoster roster = PlatformRoster.of(List.of(
                instance("i1", "a", InstanceKind.INTERRUPTIBLE, 60, InstanceState.RUNNING),
                instance("i2", "a", InstanceKind.INTERRUPTIBLE, 60, InstanceState.RUNNING)));

        PlatformRoster patched = roster.patched(List.of(instance("i1", "b", InstanceKind.INTERRUPTIBLE, 5,
                InstanceState.RUNNING)), Set.of("a"));

        assertThat(described(patched)).isEqualTo(Map.of(
                "a", "interruptible [i2] uninterruptible [] not running []",
                "b", "interruptible [i1] uninterruptible [] not running []"));
        assertThat(described(roster)).as("the roster patched is unchanged").containsEntry("a",
                "interruptible [i1, i2] uninterruptible [] not running []");
    }

    @Property(tries = 300)
    void aPatchedRosterEqualsOneMadeAnewFromTheInstancesAsTheyAreNow(@ForAll long seed) {
        Random random = new Random(seed);
        int clients = 1 + random.nextInt(30);
        Map<String, Instance> now = new LinkedHashMap<>();
        int size = random.nextInt(200);
        for (int n = 0; n < size; n++) {
            Instance i = randomInstance("i" + n, clients, random);
            now.put(i.instanceId(), i);
        }
        PlatformRoster roster = PlatformRoster.of(new ArrayList<>(now.values()));
        for (int round = 0; round < 1 + random.nextInt(5); round++) {
            List<Instance> changed = new ArrayList<>();
            Set<String> formerClients = new HashSet<>();
            for (int c = 0; c < random.nextInt(12); c++) {
                String id = "i" + random.nextInt(size + 20);
                Instance before = now.get(id);
                Instance after = before != null && random.nextBoolean()
                        ? before.withState(InstanceState.values()[random.nextInt(InstanceState.values().length)])
                        : randomInstance(id, clients, random);
                if (before != null && !before.clientId().equals(after.clientId())) {
                    formerClients.add(before.clientId());
                }
                now.put(id, after);
                changed.add(after);
            }
            roster = roster.patched(changed, formerClients);
        }

        PlatformRoster anew = PlatformRoster.of(new ArrayList<>(now.values()));
        assertThat(described(roster)).isEqualTo(described(anew));
        assertThat(roster.runningInterruptible()).isEqualTo(anew.runningInterruptible());
        assertThat(roster.runningUninterruptible()).isEqualTo(anew.runningUninterruptible());
        assertThat(roster.notRunning()).isEqualTo(anew.notRunning());
        assertThat(roster.holdingInterruptible()).isEqualTo(anew.holdingInterruptible());
        assertThat(roster.holdingUninterruptible()).isEqualTo(anew.holdingUninterruptible());
        assertThat(roster.allocated()).isEqualTo(anew.allocated());
    }

    /** Each client's instances by id: running interruptible and uninterruptible in order, the others sorted. */
    private static Map<String, String> described(PlatformRoster roster) {
        Map<String, String> byClient = new TreeMap<>();
        for (int c = 0; c < roster.clients(); c++) {
            ClientGroup g = roster.group(c);
            if (g.interruptible().length + g.uninterruptible().length + g.notRunning().length == 0) {
                continue;
            }
            String[] others = Arrays.stream(g.notRunning()).map(Instance::instanceId).sorted().toArray(String[]::new);
            byClient.put(g.clientId(), "interruptible " + ids(g.interruptible()) + " uninterruptible "
                    + ids(g.uninterruptible()) + " not running " + Arrays.toString(others));
        }
        return byClient;
    }

    private static String ids(Instance[] instances) {
        return Arrays.toString(Arrays.stream(instances).map(Instance::instanceId).toArray());
    }

    private static Instance randomInstance(String id, int clients, Random random) {
        InstanceState[] states = InstanceState.values();
        return new Instance(id, "c" + random.nextInt(clients), "p",
                random.nextInt(4) == 0 ? InstanceKind.UNINTERRUPTIBLE : InstanceKind.INTERRUPTIBLE,
                new Resources(1 + random.nextInt(8), 1 + random.nextInt(32)), null,
                NOW.minusSeconds(random.nextInt(3) == 0 ? 60 : random.nextInt(100_000)),
                random.nextInt(3) == 0 ? states[random.nextInt(states.length)] : InstanceState.RUNNING);
    }

    private static Instance instance(String id, String client, InstanceKind kind, long ageSeconds, InstanceState state) {
        return new Instance(id, client, "p", kind, new Resources(1, 2), null, NOW.minusSeconds(ageSeconds), state);
    }
}
