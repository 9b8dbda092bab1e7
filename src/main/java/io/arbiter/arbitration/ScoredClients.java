package io.arbiter.arbitration;

import io.arbiter.domain.ClientScore;
import io.arbiter.domain.InterruptionStanding;

import java.util.Map;

/**
 * Clients' scores in force and interruption standings, as a scoring pass left them (or as read for a
 * decision). {@link Standings} answer from one, and a platform's roster keeps what it says of the
 * platform's clients for as long as decisions are taken from the same one — the same object, compared
 * by identity, not by value.
 *
 * @param scores scores in force by client id
 * @param standings interruption standings by client id
 */
public record ScoredClients(Map<String, ClientScore> scores, Map<String, InterruptionStanding> standings) {
}
