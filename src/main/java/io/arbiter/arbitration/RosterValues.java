package io.arbiter.arbitration;

import java.util.Arrays;

/**
 * What a {@link ClientStanding} says of each client of a {@link PlatformRoster} that stays the same
 * from one decision to the next while the scores do — its CVS, and why the interruption rules spare
 * it — by the roster's client index. Read once per roster and scoring pass, so that a decision reads
 * two arrays instead of asking two maps for each of the platform's thousands of clients.
 * Immutable.
 */
final class RosterValues {

    /** What stands for the standing's answers ({@link ClientStanding#answersKey()}); null when none does. */
    private final Object key;
    /** Each client's CVS, NaN when it has none. */
    private final double[] cvs;
    /** Why the rules spare each client, null when they do not. */
    private final String[] spared;

    private RosterValues(Object key, double[] cvs, String[] spared) {
        this.key = key;
        this.cvs = cvs;
        this.spared = spared;
    }

    /**
     * What {@code standing} says of the clients of {@code groups}. When {@code known} holds its
     * answers for the first clients (read for a roster this one was patched from, which keeps each
     * client at its index), only the clients after them are asked.
     */
    static RosterValues read(ClientGroup[] groups, ClientStanding standing, RosterValues known) {
        Object key = standing.answersKey();
        boolean reuse = known != null && key != null && known.key == key && known.cvs.length <= groups.length;
        int from = reuse ? known.cvs.length : 0;
        double[] cvs = reuse ? Arrays.copyOf(known.cvs, groups.length) : new double[groups.length];
        String[] spared = reuse ? Arrays.copyOf(known.spared, groups.length) : new String[groups.length];
        for (int c = from; c < groups.length; c++) {
            String clientId = groups[c].clientId();
            cvs[c] = standing.cvs(clientId);
            spared[c] = standing.spared(clientId);
        }
        return new RosterValues(key, cvs, spared);
    }

    /** True when these are {@code standing}'s answers for all of {@code clients} clients. */
    boolean answerFor(ClientStanding standing, int clients) {
        return key != null && key == standing.answersKey() && cvs.length == clients;
    }

    /** Client {@code c}'s CVS; NaN when it has none. */
    double cvs(int c) {
        return cvs[c];
    }

    /** Why the rules spare client {@code c}, or null when they do not. */
    String spared(int c) {
        return spared[c];
    }
}
