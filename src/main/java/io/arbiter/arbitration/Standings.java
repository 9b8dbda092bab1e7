package io.arbiter.arbitration;

import io.arbiter.domain.ClientScore;
import io.arbiter.domain.InterruptionStanding;

import java.util.Map;

/** A {@link ClientStanding} over what the service (or a scenario) has at hand: scores, standings, interruption counts. */
public final class Standings implements ClientStanding {

    private final Map<String, ClientScore> scores;
    private final Map<String, InterruptionStanding> standings;
    private final Map<String, Integer> recent;

    /**
     * @param recent interruptions per client within the disruption-budget window; may change as a
     *               caller counts its own decisions
     */
    public Standings(Map<String, ClientScore> scores, Map<String, InterruptionStanding> standings,
                     Map<String, Integer> recent) {
        this.scores = scores;
        this.standings = standings;
        this.recent = recent;
    }

    @Override
    public double cvs(String clientId) {
        ClientScore s = scores.get(clientId);
        return s == null ? Double.NaN : s.cvs();
    }

    @Override
    public String spared(String clientId) {
        InterruptionStanding s = standings.get(clientId);
        return s == null ? "not scored yet" : s.sparedBecause();
    }

    @Override
    public int recentInterruptions(String clientId) {
        return recent.getOrDefault(clientId, 0);
    }
}
