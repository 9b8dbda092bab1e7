package io.arbiter.arbitration;

/**
 * What arbitration needs to know of a client: its score, whether the interruption rules make it a
 * candidate, and how often it was interrupted lately.
 */
public interface ClientStanding {

    /** The client's CVS, or NaN when it has none yet (treated as the lowest value, 0). */
    double cvs(String clientId);

    /**
     * Why the interruption rules spare the client, or null when it is a candidate for interruption
     * (for instance, its CVS is below the interruption threshold).
     */
    String spared(String clientId);

    /** How many of the client's instances were interrupted within the disruption-budget window. */
    int recentInterruptions(String clientId);

    /**
     * What stands for the answers of {@link #cvs} and {@link #spared}: the same object (compared by
     * identity) for as long as those answers stay the same, so that a platform's roster may keep
     * them, read for its clients, from one decision to the next; null (the default) when they may
     * change between calls.
     */
    default Object answersKey() {
        return null;
    }
}
