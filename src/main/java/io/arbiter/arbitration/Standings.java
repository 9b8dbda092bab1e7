package io.arbiter.arbitration;

import io.arbiter.domain.ClientScore;
import io.arbiter.domain.InterruptionStanding;

import java.util.Map;

/** A {@link ClientStanding} over what the service (or a scenario) has at hand: scores, standings, interruption counts. */
public final class Standings implements ClientStanding {

    private final ScoredClients scored;
    private final Map<String, Integer> recent;

    /**
     * @param scored the clients' scores and standings; decisions taken from the same one (by
     *               identity) read them from the platform's roster after the first
     * @param recent interruptions per client within the disruption-budget window; may change as a
     *               caller counts its own decisions
     */
    public Standings(ScoredClients scored, Map<String, Integer> recent) {
        this.scored = scored;
        this.recent = recent;
    }

    /** Standings over scores and standings of their own, which no other decision shares. */
    public Standings(Map<String, ClientScore> scores, Map<String, InterruptionStanding> standings,
                     Map<String, Integer> recent) {
        this(new ScoredClients(scores, standings), recent);
    }

    @Override
    public double cvs(String clientId) {
        ClientScore s = scored.scores().get(clientId);
        return s == null ? Double.NaN : s.cvs();
    }

    @Override
    public String spared(String clientId) {
        InterruptionStanding s = scored.standings().get(clientId);
        return s == null ? "not scored yet" : s.sparedBecause();
    }

    @Override
    public int recentInterruptions(String clientId) {
        return recent.getOrDefault(clientId, 0);
    }

    @Override
    public Object answersKey() {
        return scored;
    }
}
