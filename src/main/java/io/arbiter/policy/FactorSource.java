package io.arbiter.policy;

import io.arbiter.domain.ClientFactors;

import java.time.Instant;
import java.util.List;

/**
 * Turns what is known of the clients into the factors the CVS rules weigh. {@link ScoringFactors}
 * computes them as the server does (usage with decay, forecasts, payments, demand signals).
 */
public interface FactorSource {

    /**
     * One {@link ClientFactors} per client of {@code state}, each factor normalised to [0,1], as of
     * {@code now}, with the parameters of {@code policy} (tier values, half-life, signal ranges…).
     */
    List<ClientFactors> factors(ScenarioState state, PolicyDocument policy, Instant now);
}
