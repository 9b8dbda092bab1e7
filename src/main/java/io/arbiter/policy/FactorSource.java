package io.arbiter.policy;

import io.arbiter.domain.ClientFactors;

import java.time.Instant;
import java.util.List;

/**
 * Turns what is known of the clients into the factors the CVS rules weigh. Scenarios use
 * {@link StandInFactors} until the scoring package's factors (usage with decay, forecasts, demand
 * signals) take its place behind this interface.
 */
public interface FactorSource {

    /**
     * One {@link ClientFactors} per client of {@code state}, each factor normalised to [0,1], as of
     * {@code now}, with the parameters of {@code policy} (tier values, half-life, signal ranges…).
     */
    List<ClientFactors> factors(ScenarioState state, PolicyDocument policy, Instant now);
}
