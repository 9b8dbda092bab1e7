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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

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
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            ids.add("c" + c);
        }
        Standing standing = Standing.random(ids, random, null);
        InterruptionCriteria criteria = new InterruptionCriteria(0.5, Duration.ofMinutes(10), 1 + random.nextInt(3),
                Duration.ofHours(24));
        int size = random.nextInt(random.nextInt(10) == 0 ? 20_000 : 300);
        List<Instance> instances = new ArrayList<>(size);
        for (int n = 0; n < size; n++) {
            instances.add(randomInstance("i" + random.nextInt(size * 2 + 1) + "-" + n, ids, random));
        }
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

    /**
     * A roster kept from decision to decision — patched as instances change, read with the scores of
     * one scoring pass after another — decides as a roster made anew with the scores at hand: what it
     * kept of one pass's scores is never read for another's, and clients a patch adds are read.
     */
    @Property(tries = 200)
    void aRosterKeptThroughChangesAndScoringPassesDecidesAsOneMadeAnew(@ForAll long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < 1 + random.nextInt(60); c++) {
            ids.add("c" + c);
        }
        Map<String, Instance> now = new LinkedHashMap<>();
        for (int n = 0; n < random.nextInt(200); n++) {
            now.put("i" + n, randomInstance("i" + n, ids.subList(0, 1 + random.nextInt(ids.size())), random));
        }
        InterruptionCriteria criteria = new InterruptionCriteria(0.5, Duration.ofMinutes(10), 2, Duration.ofHours(24));
        PlatformRoster kept = PlatformRoster.of(new ArrayList<>(now.values()));
        Standing pass = Standing.random(ids, random, new Object());
        for (int round = 0; round < 8; round++) {
            switch (random.nextInt(3)) {
                case 0 -> pass = Standing.random(ids, random, new Object());
                case 1 -> {
                    List<Instance> changed = new ArrayList<>();
                    Set<String> formerClients = new HashSet<>();
                    for (int c = 0; c < 1 + random.nextInt(10); c++) {
                        String id = "i" + random.nextInt(now.size() + 20);
                        Instance after = randomInstance(id, ids, random);
                        Instance before = now.put(id, after);
                        if (before != null && !before.clientId().equals(after.clientId())) {
                            formerClients.add(before.clientId());
                        }
                        changed.add(after);
                    }
                    kept = kept.patched(changed, formerClients);
                }
                default -> { // another decision from the same roster and scores
                }
            }
            Contention contention = new Contention("p", ContentionReason.CAPACITY, Severity.NORMAL,
                    new Resources(random.nextInt(40), random.nextInt(160)), random.nextBoolean() ? ids.get(0) : null);
            double beneficiaryCvs = contention.beneficiary() == null ? Double.NaN : pass.cvs(contention.beneficiary());
            Selection fromKept = VictimSelector.select(contention, Resources.ZERO, kept, pass, criteria, beneficiaryCvs, NOW);
            Selection anew = VictimSelector.select(contention, Resources.ZERO,
                    PlatformRoster.of(new ArrayList<>(now.values())), pass.unkept(), criteria, beneficiaryCvs, NOW);

            assertThat(described(fromKept.victims())).as("round " + round).isEqualTo(described(anew.victims()));
            assertThat(fromKept.excluded()).as("round " + round).isEqualTo(anew.excluded());
            assertThat(fromKept.shortfall()).as("round " + round).isEqualTo(anew.shortfall());
        }
    }

    private static Instance randomInstance(String id, List<String> clients, Random random) {
        InstanceState[] states = InstanceState.values();
        InstanceState state = random.nextInt(8) == 0 ? states[random.nextInt(states.length)] : InstanceState.RUNNING;
        InstanceKind kind = random.nextInt(5) == 0 ? InstanceKind.UNINTERRUPTIBLE : InstanceKind.INTERRUPTIBLE;
        Instant started = NOW.minusSeconds(random.nextInt(3) == 0 ? 60L * random.nextInt(20) : random.nextInt(100_000));
        return new Instance(id, clients.get(random.nextInt(clients.size())), "p", kind,
                new Resources(1 + random.nextInt(8), 1 + random.nextInt(32)), null, started, state);
    }

    private static List<String> described(List<Victim> victims) {
        List<String> lines = new ArrayList<>(victims.size());
        victims.forEach(v -> lines.add(v.instance().instanceId() + " " + v.cvs() + " " + v.reason()));
        return lines;
    }

    /** Scores and verdicts; with a key, a roster keeps what it read of them (as of one scoring pass). */
    private record Standing(Map<String, Double> cvs, Map<String, String> spared, Map<String, Integer> recent,
                            Object key) implements ClientStanding {

        /**
         * Clients with equal scores, without a score, spared for several reasons (each client's
         * reason its own string, as the rules make them), with interruptions used up or not.
         */
        static Standing random(List<String> ids, Random random, Object key) {
            Map<String, Double> cvs = new HashMap<>();
            Map<String, String> spared = new HashMap<>();
            Map<String, Integer> recent = new HashMap<>();
            for (String id : ids) {
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
            return new Standing(cvs, spared, recent, key);
        }

        /** The same answers, which no roster keeps. */
        Standing unkept() {
            return new Standing(cvs, spared, recent, null);
        }

        @Override
        public Object answersKey() {
            return key;
        }

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
