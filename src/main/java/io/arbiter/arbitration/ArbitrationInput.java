package io.arbiter.arbitration;

import io.arbiter.domain.Contention;
import io.arbiter.domain.InterruptionCriteria;
import io.arbiter.domain.Resources;

import java.time.Instant;
import java.util.List;

/**
 * Everything one decision is taken from: recorded with it, so that it can be explained later.
 *
 * @param triggerId the contention event's id (or the self-raised contention's)
 * @param free what was free on the platform
 * @param roster the platform's instances
 * @param rulesFired the rules whose conclusions feed the decision (those that made clients candidates)
 */
public record ArbitrationInput(String triggerId, boolean selfRaised, Contention contention, Resources free,
                               PlatformRoster roster, ClientStanding standing,
                               InterruptionCriteria criteria, String ruleRevision, String policyVersion,
                               List<String> rulesFired, Instant now) {
}
