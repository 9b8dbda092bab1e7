package io.arbiter.arbitration;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionType;
import io.arbiter.domain.ClientScore;
import io.arbiter.domain.Contention;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.InterruptionStanding;
import io.arbiter.domain.Platform;
import io.arbiter.domain.Resources;
import io.arbiter.domain.ShadowSlot;
import io.arbiter.policy.CompiledRules;
import io.arbiter.policy.ContentionJudge;
import io.arbiter.policy.InterruptionStandings;
import io.arbiter.policy.PolicyDocument;
import io.arbiter.policy.ScenarioState;
import io.arbiter.policy.ScoringParameters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides a policy scenario's contentions as the service does: the interruption rules' standings
 * from the scores, then {@link Arbitrator} for each contention in order, migration included; an
 * instance interrupted by one decision is stopped for the next, and counts towards its client's
 * disruption budget; a migration decided earlier still runs (it counts towards the concurrency
 * limit) and holds its shadow slot.
 */
public final class ScenarioJudge implements ContentionJudge {

    @Override
    public List<Outcome> decide(ScenarioState state, Map<String, ClientScore> scores, CompiledRules rules,
                                PolicyDocument policy, Instant now) {
        Map<String, InterruptionStanding> standings = InterruptionStandings.evaluate(rules, policy, scores.values());
        Map<String, Instance> instances = new HashMap<>(state.instances());
        Map<String, Integer> interrupted = new HashMap<>();
        ClientStanding standing = new Standings(scores, standings, interrupted);
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, ShadowSlot> freeSlots = new LinkedHashMap<>(state.shadowSlots());
        int migrating = 0;
        List<Contention> contentions = state.contentions();
        for (int n = 0; n < contentions.size(); n++) {
            Contention c = contentions.get(n);
            Platform platform = state.platforms().get(c.platformId());
            if (platform == null) {
                throw new IllegalArgumentException("contention on unknown platform '" + c.platformId() + "'");
            }
            List<Instance> onPlatform = instances.values().stream()
                    .filter(i -> i.platformId().equals(c.platformId())).toList();
            PlatformRoster roster = PlatformRoster.of(onPlatform);
            Decision d = Arbitrator.decide(new ArbitrationInput("scenario-contention-" + n, false, c,
                    platform.capacity().minusClamped(roster.allocated()), roster, standing,
                    ScoringParameters.interruption(policy.policy()), rules.revision(), policy.version(), List.of(), now),
                    new MigrationOptions(rules, policy, List.copyOf(freeSlots.values()), migrating));
            List<String> ids = new ArrayList<>();
            List<String> moved = new ArrayList<>();
            for (ActionRecord a : d.actions()) {
                if (a.type() == ActionType.INTERRUPT) {
                    ids.add(a.instanceId());
                    instances.computeIfPresent(a.instanceId(), (id, i) -> i.withState(InstanceState.STOPPED));
                    interrupted.merge(a.clientId(), 1, Integer::sum);
                } else if (a.type() == ActionType.MIGRATE) {
                    moved.add(a.instanceId() + " -> " + a.target());
                    instances.computeIfPresent(a.instanceId(), (id, i) -> i.withState(InstanceState.MIGRATING));
                    freeSlots.remove(a.target());
                    migrating++;
                }
            }
            outcomes.add(new Outcome(ids, moved, d.shortfall(), d.excluded()));
        }
        return outcomes;
    }
}
