package io.arbiter.arbitration;

/** What arbitration needs to know of a client: its score and how often it was interrupted lately. */
public interface ClientStanding {

    /** The client's CVS, or NaN when it has none yet (treated as the lowest value, 0). */
    double cvs(String clientId);

    /** How many of the client's instances were interrupted within the disruption-budget window. */
    int recentInterruptions(String clientId);
}
