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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VictimSelectorTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final InterruptionCriteria CRITERIA =
            new InterruptionCriteria(0.5, Duration.ofMinutes(10), 2, Duration.ofHours(1));

    private final Map<String, Double> cvs = new HashMap<>();
    private final Map<String, Integer> recent = new HashMap<>();
    private final List<Instance> instances = new ArrayList<>();

    private final ClientStanding standing = new ClientStanding() {
        @Override
        public double cvs(String clientId) {
            return cvs.getOrDefault(clientId, Double.NaN);
        }

        @Override
        public String spared(String clientId) {
            return cvs(clientId) < CRITERIA.threshold() ? null : "above the threshold";
        }

        @Override
        public int recentInterruptions(String clientId) {
            return recent.getOrDefault(clientId, 0);
        }
    };

    private void instance(String id, String client, double clientCvs, double cpu, Duration age, InstanceKind kind) {
        cvs.put(client, clientCvs);
        instances.add(new Instance(id, client, "p", kind, new Resources(cpu, cpu * 4), null, NOW.minus(age),
                InstanceState.RUNNING));
    }

    private void interruptible(String id, String client, double clientCvs, double cpu) {
        instance(id, client, clientCvs, cpu, Duration.ofHours(1), InstanceKind.INTERRUPTIBLE);
    }

    private Selection select(double cpuNeeded, String beneficiary) {
        Contention c = new Contention("p", ContentionReason.CAPACITY, Severity.NORMAL,
                new Resources(cpuNeeded, cpuNeeded * 4), beneficiary);
        double beneficiaryCvs = beneficiary == null ? Double.NaN : cvs.get(beneficiary);
        return VictimSelector.select(c, Resources.ZERO, PlatformRoster.of(instances), standing, CRITERIA, beneficiaryCvs, NOW);
    }

    private static List<String> ids(List<Victim> victims) {
        return victims.stream().map(v -> v.instance().instanceId()).toList();
    }

    @Test
    void theLowestValueClientsGiveWayFirst() {
        interruptible("mid", "b", 0.3, 4);
        interruptible("low", "a", 0.1, 4);
        interruptible("higher", "c", 0.4, 4);

        Selection s = select(8, null);

        assertThat(ids(s.victims())).containsExactly("low", "mid");
        assertThat(s.covered()).isTrue();
    }

    @Test
    void onlyAsManyAsCoverTheNeedAreTakenNotEveryoneUnderTheThreshold() {
        for (int n = 0; n < 10; n++) {
            interruptible("i" + n, "c" + n, 0.01 * n, 2);
        }

        Selection s = select(3, null);

        assertThat(ids(s.victims())).containsExactly("i0", "i1");
    }

    @Test
    void aVictimThatIsNotNeededOnceALargerOneIsTakenIsSparedAgain() {
        interruptible("small", "a", 0.1, 1);
        interruptible("large", "b", 0.2, 8);

        Selection s = select(8, null);

        assertThat(ids(s.victims())).containsExactly("large");
    }

    @Test
    void whatIsFreeOnThePlatformCountsTowardsTheNeed() {
        interruptible("a1", "a", 0.1, 4);
        Contention c = new Contention("p", ContentionReason.CAPACITY, Severity.NORMAL, new Resources(4, 16), null);

        Selection s = VictimSelector.select(c, new Resources(4, 16), PlatformRoster.of(instances), standing, CRITERIA, Double.NaN, NOW);

        assertThat(s.victims()).isEmpty();
        assertThat(s.wanted().isZero()).isTrue();
    }

    @Test
    void instancesInsideTheirMinimumRunTimeAreSpared() {
        instance("young", "a", 0.1, 4, Duration.ofMinutes(2), InstanceKind.INTERRUPTIBLE);
        interruptible("old", "b", 0.2, 4);

        Selection s = select(4, null);

        assertThat(ids(s.victims())).containsExactly("old");
        assertThat(s.excluded()).containsEntry(VictimSelector.TOO_YOUNG, 1);
    }

    @Test
    void aClientOverItsDisruptionBudgetIsSparedCountingThisDecisionsOwnInterruptions() {
        interruptible("a1", "a", 0.1, 1);
        interruptible("a2", "a", 0.1, 1);
        interruptible("a3", "a", 0.1, 1);
        interruptible("b1", "b", 0.2, 1);
        interruptible("c1", "c", 0.3, 1);
        recent.put("b", 2);

        Selection s = select(3, null);

        assertThat(ids(s.victims())).hasSize(3).contains("c1").doesNotContain("b1");
        assertThat(s.victims().stream().filter(v -> v.instance().clientId().equals("a"))).hasSize(2);
    }

    @Test
    void noInstanceAtOrAboveTheBeneficiarysValueIsTaken() {
        interruptible("low", "a", 0.1, 2);
        interruptible("same", "b", 0.3, 8);
        cvs.put("beneficiary", 0.3);

        Selection s = select(8, "beneficiary");

        assertThat(ids(s.victims())).containsExactly("low");
        assertThat(s.shortfall().cpu()).isEqualTo(6);
        assertThat(s.excluded()).containsEntry(VictimSelector.NOT_BELOW_BENEFICIARY, 1);
    }

    @Test
    void uninterruptibleInstancesAreNeverInterruptedButOfferedToMigration() {
        instance("vip", "a", 0.05, 8, Duration.ofDays(1), InstanceKind.UNINTERRUPTIBLE);
        interruptible("b1", "b", 0.2, 2);

        Selection s = select(8, null);

        assertThat(ids(s.victims())).containsExactly("b1");
        assertThat(s.shortfall().cpu()).isEqualTo(6);
        assertThat(ids(s.uninterruptible())).containsExactly("vip");
    }

    @Test
    void clientsTheRulesSpareAreNotCandidates() {
        interruptible("rich", "a", 0.9, 8);

        Selection s = select(4, null);

        assertThat(s.victims()).isEmpty();
        assertThat(s.shortfall().cpu()).isEqualTo(4);
        assertThat(s.excluded()).containsEntry("above the threshold", 1);
    }

    @Test
    void amongEqualValuesTheYoungestGoesFirst() {
        instance("older", "a", 0.1, 4, Duration.ofHours(5), InstanceKind.INTERRUPTIBLE);
        instance("younger", "a", 0.1, 4, Duration.ofHours(2), InstanceKind.INTERRUPTIBLE);

        assertThat(ids(select(4, null).victims())).containsExactly("younger");
    }

    @Test
    void aHardwareFailureTakesEveryInterruptibleInstanceWhateverItsValue() {
        interruptible("rich", "a", 0.9, 4);
        instance("young", "b", 0.1, 4, Duration.ofMinutes(1), InstanceKind.INTERRUPTIBLE);
        instance("vip", "c", 0.2, 8, Duration.ofDays(1), InstanceKind.UNINTERRUPTIBLE);
        Contention c = new Contention("p", ContentionReason.HARDWARE_FAILURE, Severity.EXTREME, Resources.ZERO, null);

        Selection s = VictimSelector.select(c, Resources.ZERO, PlatformRoster.of(instances), standing, CRITERIA, Double.NaN, NOW);

        assertThat(ids(s.victims())).containsExactly("young", "rich");
        assertThat(s.shortfall().cpu()).isEqualTo(8);
        assertThat(ids(s.uninterruptible())).containsExactly("vip");
    }

    @Test
    void amongClientsOfEqualValueTheYoungestGoFirstAndTheBudgetIsCountedUpToTheLastVictim() {
        instance("a-old", "a", 0.1, 1, Duration.ofHours(9), InstanceKind.INTERRUPTIBLE);
        instance("a-mid", "a", 0.1, 1, Duration.ofHours(5), InstanceKind.INTERRUPTIBLE);
        instance("a-new", "a", 0.1, 1, Duration.ofHours(1), InstanceKind.INTERRUPTIBLE);
        instance("b-old", "b", 0.1, 1, Duration.ofHours(8), InstanceKind.INTERRUPTIBLE);
        instance("b-mid", "b", 0.1, 1, Duration.ofHours(4), InstanceKind.INTERRUPTIBLE);
        instance("b-new", "b", 0.1, 1, Duration.ofHours(2), InstanceKind.INTERRUPTIBLE);
        instance("c-new", "c", 0.2, 1, Duration.ofHours(1), InstanceKind.INTERRUPTIBLE);
        instance("c-old", "c", 0.2, 1, Duration.ofHours(7), InstanceKind.INTERRUPTIBLE);
        recent.put("b", 1);

        Selection coveredAmongEquals = select(3, null);
        Selection coveredBeyond = select(4, null);

        assertThat(ids(coveredAmongEquals.victims())).containsExactly("a-new", "b-new", "a-mid");
        assertThat(coveredAmongEquals.excluded()).containsEntry(VictimSelector.OVER_BUDGET, 1);
        assertThat(ids(coveredBeyond.victims())).containsExactly("a-new", "b-new", "a-mid", "c-new");
        assertThat(coveredBeyond.excluded()).containsEntry(VictimSelector.OVER_BUDGET, 3);
    }

    @Test
    void uninterruptibleInstancesAreOfferedLowestValueFirstYoungestFirstAmongEquals() {
        instance("u-rich", "a", 0.8, 2, Duration.ofDays(1), InstanceKind.UNINTERRUPTIBLE);
        instance("u-old", "b", 0.2, 2, Duration.ofDays(3), InstanceKind.UNINTERRUPTIBLE);
        instance("u-new", "b", 0.2, 2, Duration.ofDays(2), InstanceKind.UNINTERRUPTIBLE);
        instance("u-poor", "c", 0.1, 2, Duration.ofDays(1), InstanceKind.UNINTERRUPTIBLE);

        Selection s = select(2, null);

        assertThat(ids(s.uninterruptible())).containsExactly("u-poor", "u-new", "u-old", "u-rich");
        assertThat(s.uninterruptible()).allSatisfy(v -> assertThat(v.reason()).isEqualTo(VictimSelector.UNINTERRUPTIBLE));
        assertThat(s.excluded()).containsEntry(VictimSelector.UNINTERRUPTIBLE, 4);
    }
}
