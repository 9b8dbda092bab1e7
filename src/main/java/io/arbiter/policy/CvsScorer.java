package io.arbiter.policy;

import io.arbiter.domain.ClientFactors;
import io.arbiter.domain.ClientScore;
import io.arbiter.domain.Factor;
import io.arbiter.domain.FactorContribution;
import io.arbiter.policy.CvsFacts.Contribution;
import io.arbiter.policy.CvsFacts.FactorValue;
import io.arbiter.policy.CvsFacts.ScoringInput;
import io.arbiter.policy.CvsFacts.Weight;
import io.arbiter.policy.CvsFacts.WeightedScore;
import io.arbiter.policy.Policy.Weights;
import org.kie.api.runtime.KieSession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores a batch of clients with the CVS rules: one rule session per batch, disposed at the end.
 * Puts in the policy's sections, a {@link Weight} per factor, and each client's
 * {@link ScoringInput} and {@link FactorValue}s; fires the rules; reads back each client's
 * {@link WeightedScore} and {@link Contribution}s and applies the rules' adjustments
 * ({@link Adjustments}). Scoring 10,000 clients takes a few hundred milliseconds warm.
 */
public final class CvsScorer {

    /** Firings allowed per fact put in, before the rules are taken to be looping. */
    private static final int FIRINGS_PER_FACT = 20;

    /** Explanations list the policy's factors in their order, then any others by name. */
    private static final Comparator<Contribution> FACTOR_ORDER = Comparator
            .comparingInt((Contribution c) -> {
                int i = Weights.FACTORS.indexOf(c.factor());
                return i < 0 ? Integer.MAX_VALUE : i;
            })
            .thenComparing(Contribution::factor);

    private CvsScorer() {
    }

    /**
     * The scores of {@code clients}, in the same order, stamped with the rules' revision, the
     * policy's version and {@code now}.
     *
     * @throws RuleEvaluationException when the rules fail, loop, or derive no score for a client
     * @throws IllegalArgumentException when a client appears twice
     */
    public static List<ClientScore> score(CompiledRules rules, PolicyDocument policy, List<ClientFactors> clients,
                                          Instant now) {
        SessionRecord record = new SessionRecord();
        KieSession session = rules.newSession();
        try {
            session.addEventListener(record);
            int facts = insert(session, policy.policy(), clients);
            int limit = FIRINGS_PER_FACT * facts + 1_000;
            int fired = fire(session, limit);
            if (fired >= limit) {
                throw new RuleEvaluationException("the rules fired " + fired + " times for " + clients.size()
                        + " clients and were stopped: a rule probably re-triggers itself");
            }
            record.collect(session);
        } finally {
            session.dispose();
        }
        List<ClientScore> scores = new ArrayList<>(clients.size());
        for (ClientFactors client : clients) {
            scores.add(explain(client, record, rules.revision(), policy.version(), now));
        }
        return scores;
    }

    private static int insert(KieSession session, Policy policy, List<ClientFactors> clients) {
        int facts = 0;
        for (Object section : policy.sections()) {
            session.insert(section);
            facts++;
        }
        Weights weights = policy.weights();
        for (String factor : Weights.FACTORS) {
            session.insert(new Weight(factor, weights.of(factor), weights.share(factor)));
            facts++;
        }
        Set<String> seen = new HashSet<>();
        for (ClientFactors client : clients) {
            if (!seen.add(client.clientId())) {
                throw new IllegalArgumentException("client " + client.clientId() + " appears twice in one batch");
            }
            session.insert(new ScoringInput(client.clientId(), client.slaTier(), client.oldestOverdueDays()));
            for (Factor f : client.factors()) {
                session.insert(new FactorValue(client.clientId(), f.name(), f.raw(), f.normalized()));
            }
            facts += 1 + client.factors().size();
        }
        return facts;
    }

    private static int fire(KieSession session, int limit) {
        try {
            return session.fireAllRules(limit);
        } catch (RuntimeException e) {
            throw new RuleEvaluationException("a rule failed while scoring: " + e.getMessage(), e);
        }
    }

    private static ClientScore explain(ClientFactors client, SessionRecord record, String revision, String version,
                                       Instant now) {
        WeightedScore weighted = record.weighted(client.clientId());
        if (weighted == null) {
            throw new RuleEvaluationException("the rules derived no WeightedScore for client " + client.clientId()
                    + ": is the rule that sums the weighted factors missing?");
        }
        Adjustments.Outcome outcome = Adjustments.apply(weighted.value(), record.adjustments(client.clientId()));
        List<FactorContribution> factors = record.contributions(client.clientId()).stream()
                .sorted(FACTOR_ORDER)
                .map(c -> new FactorContribution(c.factor(), c.raw(), c.normalized(), c.weight(), c.value()))
                .toList();
        return new ClientScore(client.clientId(), client.slaTier(), outcome.cvs(), factors, outcome.changedBy(),
                revision, version, now);
    }
}
