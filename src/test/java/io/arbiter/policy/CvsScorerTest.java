package io.arbiter.policy;

import io.arbiter.domain.ClientFactors;
import io.arbiter.domain.ClientScore;
import io.arbiter.domain.FactorContribution;
import io.arbiter.domain.SlaTier;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import static io.arbiter.policy.Fixtures.NOW;
import static io.arbiter.policy.Fixtures.client;
import static io.arbiter.policy.Fixtures.projectRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CvsScorerTest {

    private static final PolicyDocument POLICY = PolicyDocument.defaults();

    private static ClientScore scoreOne(ClientFactors client) {
        return CvsScorer.score(projectRules(), POLICY, List.of(client), NOW).get(0);
    }

    @Test
    void theScoreIsTheWeightedSumOfTheFactorsWithAnExplanationPerFactor() {
        ClientScore score = scoreOne(client("acme", SlaTier.GOLD, 0.5, 0));

        // 0.25*0.5 + 0.30*0.75 + 0.10*0.5 + 0.15*0.5 + 0.20*0.5
        assertThat(score.cvs()).isCloseTo(0.575, within(1e-9));
        assertThat(score.factors()).extracting(FactorContribution::name)
                .containsExactly("usage", "sla", "forecast", "demand", "payment");
        FactorContribution sla = score.factors().get(1);
        assertThat(sla.weight()).isCloseTo(0.30, within(1e-9));
        assertThat(sla.contribution()).isCloseTo(0.225, within(1e-9));
        assertThat(score.factors().stream().mapToDouble(FactorContribution::contribution).sum())
                .isCloseTo(score.cvs(), within(1e-9));
        assertThat(score.adjustments()).isEmpty();
        assertThat(score.ruleRevision()).isEqualTo(projectRules().revision());
        assertThat(score.policyVersion()).isEqualTo(POLICY.version());
        assertThat(score.computedAt()).isEqualTo(NOW);
    }

    @Test
    void weightsThatDoNotSumToOneCountByTheirShare() {
        Policy doubled = new Policy(new Policy.Weights(0.5, 0.6, 0.2, 0.3, 0.4), Policy.DEFAULTS.score(),
                Policy.DEFAULTS.usage(), Policy.DEFAULTS.forecast(), Policy.DEFAULTS.capacity(),
                Policy.DEFAULTS.slaTiers(), Policy.DEFAULTS.demand(), Policy.DEFAULTS.payment(),
                Policy.DEFAULTS.interruption(), Policy.DEFAULTS.migration(), Policy.DEFAULTS.penalty());
        ClientFactors acme = client("acme", SlaTier.GOLD, 0.5, 0);

        double cvs = CvsScorer.score(projectRules(), PolicyDocument.of(doubled), List.of(acme), NOW).get(0).cvs();

        assertThat(cvs).isCloseTo(scoreOne(acme).cvs(), within(1e-9));
    }

    @Test
    void aClientWithAnInvoiceOverdueMoreThanThirtyDaysIsCappedAtPointTwo() {
        ClientScore capped = scoreOne(client("late", SlaTier.PLATINUM, 0.9, 31));

        assertThat(capped.cvs()).isEqualTo(0.2);
        assertThat(capped.adjustments()).containsExactly("Cap clients with a long-overdue invoice");
        assertThat(capped.factors()).hasSize(5);
    }

    @Test
    void aClientOverdueExactlyThirtyDaysIsNotCapped() {
        ClientScore score = scoreOne(client("onTheEdge", SlaTier.PLATINUM, 0.9, 30));

        assertThat(score.cvs()).isGreaterThan(0.2);
        assertThat(score.adjustments()).isEmpty();
    }

    @Test
    void aCapAboveTheScoreDoesNotNameItsRule() {
        ClientScore score = scoreOne(client("lowAnyway", SlaTier.BRONZE, 0.0, 45));

        assertThat(score.cvs()).isCloseTo(0.075, within(1e-9));
        assertThat(score.adjustments()).isEmpty();
    }

    @Test
    void scoresComeBackInTheOrderOfTheClients() {
        List<ClientFactors> clients = List.of(client("b", SlaTier.BRONZE, 0.1, 0),
                client("a", SlaTier.PLATINUM, 0.9, 0), client("c", SlaTier.SILVER, 0.5, 0));

        assertThat(CvsScorer.score(projectRules(), POLICY, clients, NOW)).extracting(ClientScore::clientId)
                .containsExactly("b", "a", "c");
    }

    @Test
    void aClientTwiceInOneBatchIsRefused() {
        List<ClientFactors> clients = List.of(client("a", SlaTier.GOLD, 0.1, 0), client("a", SlaTier.GOLD, 0.2, 0));

        assertThatThrownBy(() -> CvsScorer.score(projectRules(), POLICY, clients, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a appears twice");
    }

    @Test
    void tenThousandClientsAreScoredInOneSession() {
        List<ClientFactors> clients = new ArrayList<>();
        SlaTier[] tiers = SlaTier.values();
        for (int i = 0; i < 10_000; i++) {
            clients.add(client("client-" + i, tiers[i % 4], (i % 100) / 100.0, i % 50));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            CvsScorer.score(projectRules(), POLICY, clients, NOW);
        }
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        List<ClientScore> scores = null;
        for (int run = 0; run < 5; run++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            scores = CvsScorer.score(projectRules(), POLICY, clients, NOW);
            bestWall = Math.min(bestWall, System.nanoTime() - start);
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
        }
        System.out.printf("CVS scoring, 10,000 clients, warm, best of 5: %.0f ms wall, %.0f ms CPU of the scoring"
                + " thread (wall time grows when other processes share the cores)%n", bestWall / 1e6, bestCpu / 1e6);

        assertThat(scores).hasSize(10_000);
        assertThat(scores).filteredOn(s -> !s.adjustments().isEmpty()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.cvs()).isEqualTo(0.2));
    }
}
