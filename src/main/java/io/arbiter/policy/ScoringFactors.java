package io.arbiter.policy;

import io.arbiter.domain.Client;
import io.arbiter.domain.ClientFactors;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.UsageSample;
import io.arbiter.scoring.ClientUsage;
import io.arbiter.scoring.FactorAssembler;
import io.arbiter.scoring.ForecastSelector;
import io.arbiter.scoring.UsageSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenarios' {@link FactorSource}: the scoring package's factors, computed from a scenario's
 * events exactly as the server computes them from the grid — each client's usage as one decayed
 * series of its instances' samples (in time order), its forecast or the shipped forecaster's
 * projection, its payments and demand signals, normalised against the scenario's clients.
 */
public final class ScoringFactors implements FactorSource {

    @Override
    public List<ClientFactors> factors(ScenarioState state, PolicyDocument policy, Instant now) {
        Policy p = policy.policy();
        Map<String, ClientUsage> usage = new HashMap<>();
        List<UsageSample> samples = new ArrayList<>();
        state.instances().keySet().forEach(id -> samples.addAll(state.usage(id)));
        samples.sort(Comparator.comparing(UsageSample::time));
        for (UsageSample s : samples) {
            usage.computeIfAbsent(state.clientOf(s.instanceId()), c -> ClientUsage.empty(ScoringParameters.decay(p)))
                    .sample(s.instanceId(), s.time(), s.cpu(), s.memoryGiB(), s.networkMbps());
        }
        for (Instance i : state.instances().values()) {
            ClientUsage u = usage.get(i.clientId());
            if (i.state() == InstanceState.STOPPED && u != null) {
                u.stopped(i.instanceId(), now);
            }
        }
        List<FactorAssembler.ClientInputs> inputs = new ArrayList<>();
        for (Client client : state.clients()) {
            ClientUsage u = usage.get(client.clientId());
            UsageSummary summary = u == null ? null : u.summarize(now, p.forecast().horizon(),
                    ForecastSelector.standard(), state.forecast(client.clientId()));
            inputs.add(new FactorAssembler.ClientInputs(client, summary, state.payments(client.clientId()),
                    state.demand(client.clientId())));
        }
        return FactorAssembler.assemble(inputs, ScoringParameters.factors(p), now);
    }
}
