package io.arbiter.arbitration;

import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.InterruptionCriteria;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.domain.Victim;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The selector over a platform's roster ({@link VictimSelector}, {@link RosterScan} over a
 * {@link PlatformRoster}) takes the same decisions as the selector that read every instance
 * ({@link ReferenceVictimSelector}) on random platforms: the same victims
 * in the same order with the same CVS and reasons, the same shortfall, the same passed-over counts
 * and the same uninterruptible instances in the same order.
 *
 * <p>The platforms are built to meet every branch: instances in every state, both kinds, ages on
 * both sides of the minimum run time and equal start times; clients with equal scores, without a
 * score, spared by the rules for several reasons (each client's reason its own string, as the rules
 * make them), with interruptions used up or not; with and without a beneficiary, free room, a
 * hardware failure, a need nothing covers, and more clients than a roster's first tables hold.
 */
class VictimSelectorEquivalenceTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final String[] SPARED = {"CVS at or above the interruption threshold", "platinum tier", "on probation"};

    @Property(tries = 400)
    void theSelectorOverARosterDecidesAsTheOneThatReadEveryInstance(@ForAll long seed) {
        Random random = new Random(seed);
        int clients = 1 + random.nextInt(random.nextInt(10) == 0 ? 3000 : 40);
        Map<String, Double> cvs = new HashMap<>();
        Map<String, String> spared = new HashMap<>();
        Map<String, Integer> recent = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String id = "c" + c;
            ids.add(id);
            if (random.nextInt(10) > 0) {
                cvs.put(id, random.nextInt(4) == 0 ? 0.25 : Math.round(random.nextDouble() * 1000) / 1000.0);
            }
            if (random.nextInt(3) == 0) {
                spared.put(id, new String(SPARED[random.nextInt(SPARED.length)]));
            }
            if (random.nextInt(4) == 0) {
                recent.put(id, random.nextInt(4));
            }
        }
        InterruptionCriteria criteria = new InterruptionCriteria(0.5, Duration.ofMinutes(10), 1 + random.nextInt(3),
                Duration.ofHours(24));
        int size = random.nextInt(random.nextInt(10) == 0 ? 20_000 : 300);
        List<Instance> instances = new ArrayList<>(size);
        InstanceState[] states = InstanceState.values();
        for (int n = 0; n < size; n++) {
            InstanceState state = random.nextInt(8) == 0 ? states[random.nextInt(states.length)] : InstanceState.RUNNING;
            InstanceKind kind = random.nextInt(5) == 0 ? InstanceKind.UNINTERRUPTIBLE : InstanceKind.INTERRUPTIBLE;
            Instant started = NOW.minusSeconds(random.nextInt(3) == 0 ? 60L * random.nextInt(20) : random.nextInt(100_000));
            instances.add(new Instance("i" + random.nextInt(size * 2 + 1) + "-" + n, ids.get(random.nextInt(ids.size())),
                    "p", kind, new Resources(1 + random.nextInt(8), 1 + random.nextInt(32)), null, started, state));
        }
        ClientStanding standing = new Standing(cvs, spared, recent);
        boolean hardwareFailure = random.nextInt(8) == 0;
        Resources need = new Resources(random.nextInt(Math.max(1, size)), random.nextInt(Math.max(1, 4 * size)));
        String beneficiary = random.nextBoolean() ? ids.get(random.nextInt(ids.size())) : null;
        Contention contention = new Contention("p", hardwareFailure ? ContentionReason.HARDWARE_FAILURE
                : ContentionReason.CAPACITY, Severity.NORMAL, need, beneficiary);
        Resources free = random.nextInt(4) == 0 ? new Resources(random.nextInt(10), random.nextInt(40)) : Resources.ZERO;
        double beneficiaryCvs = beneficiary == null ? Double.NaN : standing.cvs(beneficiary);

        Selection now = VictimSelector.select(contention, free, PlatformRoster.of(instances), standing, criteria, beneficiaryCvs, NOW);
        Selection before = ReferenceVictimSelector.select(contention, free, instances, standing, criteria,
                beneficiaryCvs, NOW);

        assertThat(now.wanted()).isEqualTo(before.wanted());
        assertThat(described(now.victims())).isEqualTo(described(before.victims()));
        assertThat(now.shortfall()).isEqualTo(before.shortfall());
        assertThat(now.excluded()).isEqualTo(before.excluded());
        assertThat(described(now.uninterruptible())).isEqualTo(described(before.uninterruptible()));
    }

    private static List<String> described(List<Victim> victims) {
        List<String> lines = new ArrayList<>(victims.size());
        victims.forEach(v -> lines.add(v.instance().instanceId() + " " + v.cvs() + " " + v.reason()));
        return lines;
    }

    private record Standing(Map<String, Double> cvs, Map<String, String> spared, Map<String, Integer> recent)
            implements ClientStanding {

        @Override
        public double cvs(String clientId) {
            return cvs.getOrDefault(clientId, Double.NaN);
        }

        @Override
        public String spared(String clientId) {
            String reason = spared.get(clientId);
            return reason != null ? reason : cvs(clientId) >= 0.5 ? new String(SPARED[0]) : null;
        }

        @Override
        public int recentInterruptions(String clientId) {
            return recent.getOrDefault(clientId, 0);
        }
    }
}
