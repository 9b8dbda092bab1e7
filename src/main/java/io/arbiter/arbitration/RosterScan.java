package io.arbiter.arbitration;

import io.arbiter.domain.Instance;
import io.arbiter.domain.InterruptionCriteria;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One decision's pass over a {@link PlatformRoster} for {@link VictimSelector}: each client's
 * standing, asked once; which of its running interruptible instances are candidates; how many
 * were passed over, and why.
 *
 * <p>The pass reads each client's CVS and verdict by its index in the roster ({@link RosterValues},
 * kept with the roster between decisions), not per instance: a client the rules spare (or whose CVS
 * is not below the beneficiary's) has its instances counted from its group without reading them.
 * Of a client that may give way, the instances inside the minimum run time are the first of its
 * youngest-first run, so they are skipped from the front; the rest are its candidates, already in
 * the order they are taken, of which its disruption budget allows the first few.
 */
final class RosterScan {

    /** A running instance with its client. */
    record Candidate(Instance instance, ClientState client) {
    }

    /**
     * One client's standing in this decision, and its candidates: whether the rules spare it and its
     * CVS (from the roster's {@link RosterValues}); its recent interruptions, asked only when it has
     * instances past the other tests.
     */
    static final class ClientState {

        final String clientId;
        /** Its instances. */
        final ClientGroup group;
        /** Its CVS; 0 when it has none. */
        private final double cvs;
        /** Why all its interruptible instances are passed over (spared by the rules, or not below the beneficiary). */
        final String exclusion;
        private String candidateReason;
        /**
         * Its first candidate (a position in its group's interruptible instances), and how many of
         * its candidates, from that one on, its budget allows to take.
         */
        int firstCandidate;
        int takeable;

        ClientState(ClientGroup group, double cvs, String spared, double beneficiaryCvs) {
            this.clientId = group.clientId();
            this.group = group;
            this.cvs = Double.isNaN(cvs) ? 0 : cvs;
            this.exclusion = spared != null ? spared
                    : !Double.isNaN(beneficiaryCvs) && this.cvs >= beneficiaryCvs ? VictimSelector.NOT_BELOW_BENEFICIARY
                    : null;
        }

        /** Its CVS; 0 when it has none. */
        double cvs() {
            return cvs;
        }

        /** Why its instances are victims. */
        String candidateReason() {
            if (candidateReason == null) {
                candidateReason = "lowest value: CVS " + threeDecimals(cvs()) + ", a candidate for interruption";
            }
            return candidateReason;
        }
    }

    /**
     * {@code value} with three decimals, as {@code String.format(Locale.ROOT, "%.3f", value)} writes
     * it (the shortest decimal form of the double, rounded half up), without parsing a format.
     */
    static String threeDecimals(double value) {
        if (!(value >= 0) || Double.isInfinite(value) || Double.doubleToRawLongBits(value) == Long.MIN_VALUE) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return new BigDecimal(Double.toString(value)).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    private final PlatformRoster roster;
    private final boolean hardwareFailure;
    /** The state of each client with a running instance, in roster order. */
    private final List<ClientState> clients = new ArrayList<>();
    /** The clients with candidates, in roster order. */
    private final List<ClientState> withCandidates = new ArrayList<>();
    private int tooYoung;
    private int overBudget;

    RosterScan(PlatformRoster roster, ClientStanding standing, InterruptionCriteria criteria, double beneficiaryCvs,
               Instant now, boolean hardwareFailure) {
        this.roster = roster;
        this.hardwareFailure = hardwareFailure;
        Instant youngestAllowed = now.minus(criteria.minimumRunTime());
        long second = youngestAllowed.getEpochSecond();
        int nano = youngestAllowed.getNano();
        RosterValues values = roster.values(standing);
        for (int c = 0; c < roster.clients(); c++) {
            ClientGroup group = roster.group(c);
            if (!group.running()) {
                continue;
            }
            ClientState client = new ClientState(group, values.cvs(c), values.spared(c), beneficiaryCvs);
            clients.add(client);
            if (hardwareFailure || client.exclusion != null) {
                continue;
            }
            int to = group.interruptible().length;
            int first = 0;
            while (first < to && group.startedAfter(first, second, nano)) {
                first++;
            }
            tooYoung += first;
            if (first == to) {
                continue;
            }
            int budget = Math.max(0, criteria.maxInterruptions() - standing.recentInterruptions(client.clientId));
            if (budget == 0) {
                overBudget += to - first;
                continue;
            }
            client.firstCandidate = first;
            client.takeable = Math.min(budget, to - first);
            withCandidates.add(client);
        }
    }

    /** The clients with candidates, in roster order. */
    List<ClientState> withCandidates() {
        return withCandidates;
    }

    /**
     * How many candidates of {@code client} come, in the order they are taken, up to and with
     * candidate {@code last} of client {@code lastOf} (of any client); all of them when
     * {@code lastOf} is null.
     */
    int metUpTo(ClientState client, ClientState lastOf, int last) {
        ClientGroup group = client.group;
        int from = client.firstCandidate;
        int to = group.interruptible().length;
        if (lastOf == null) {
            return to - from;
        }
        int low = from;
        int high = to;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (group.youngestFirst(mid, lastOf.group, last) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - from;
    }

    /** Counts {@code n} candidates passed over while taking, their clients' budgets being spent. */
    void passedOverForBudget(int n) {
        overBudget += n;
    }

    /** Under a hardware failure, every running interruptible instance, in roster order. */
    List<Candidate> all() {
        List<Candidate> all = new ArrayList<>(roster.runningInterruptible());
        for (ClientState client : clients) {
            for (Instance i : client.group.interruptible()) {
                all.add(new Candidate(i, client));
            }
        }
        return all;
    }

    /** The running uninterruptible instances, in roster order. */
    List<Candidate> uninterruptible() {
        List<Candidate> all = new ArrayList<>(roster.runningUninterruptible());
        for (ClientState client : clients) {
            for (Instance i : client.group.uninterruptible()) {
                all.add(new Candidate(i, client));
            }
        }
        return all;
    }

    /** How many instances were passed over, by reason. */
    Map<String, Integer> excluded() {
        Map<String, Integer> byReason = new TreeMap<>();
        count(byReason, VictimSelector.NOT_RUNNING, roster.notRunning());
        count(byReason, VictimSelector.UNINTERRUPTIBLE, roster.runningUninterruptible());
        count(byReason, VictimSelector.TOO_YOUNG, tooYoung);
        count(byReason, VictimSelector.OVER_BUDGET, overBudget);
        if (!hardwareFailure) {
            // Counted apart first: thousands of clients share a handful of reasons.
            Map<String, int[]> byExclusion = new HashMap<>();
            for (ClientState client : clients) {
                if (client.exclusion != null) {
                    byExclusion.computeIfAbsent(client.exclusion, reason -> new int[1])[0]
                            += client.group.interruptible().length;
                }
            }
            byExclusion.forEach((reason, n) -> count(byReason, reason, n[0]));
        }
        return byReason;
    }

    private static void count(Map<String, Integer> byReason, String reason, int n) {
        if (n > 0) {
            byReason.merge(reason, n, Integer::sum);
        }
    }
}
