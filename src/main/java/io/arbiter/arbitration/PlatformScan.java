package io.arbiter.arbitration;

import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.InterruptionCriteria;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pass over a platform's instances for {@link VictimSelector}: each instance's client, whose
 * standing is asked once per decision however many instances it runs; whether the instance is a
 * candidate; and how many were passed over, and why.
 *
 * <p>The pass is the cost of a decision on a large platform, so it reads each instance once and
 * writes little, and in order, in three steps ({@link #addAll}): it first finds each running
 * instance's client — an index, through an open-addressing table of client ids (Fibonacci hashing)
 * rather than map nodes — then asks the standing of each client met, one client after another, and
 * only then sorts the instances out by their clients' index: an instance of a client the rules
 * spare, most instances of a large platform, is counted from a small array without being read
 * again. Asked together, the clients' standings are found in memory side by side rather than each
 * between two instances. Passed-over instances are counted in runs of one reason rather than on
 * their clients; and each candidate is appended with a link to its client's previous candidate,
 * rather than to a list of its client's.
 */
final class PlatformScan {

    /** A running instance with its client. */
    record Candidate(Instance instance, ClientState client) {
    }

    /**
     * One client's standing, as asked of {@link ClientStanding} in this decision, and its candidates.
     * Only what the decision needs is asked: whether the rules spare the client, for every client
     * met; its CVS only when that decides something (a client not spared, compared with the
     * beneficiary; ordering candidates or uninterruptible instances); its recent interruptions only
     * when it has instances past the other tests.
     */
    static final class ClientState {

        final String clientId;
        /** Its index in the scan: the order it was met in. */
        final int index;
        private final ClientStanding standing;
        /** Its CVS (0 when it has none), once asked. */
        private double cvs;
        private boolean cvsAsked;
        /** Why all its interruptible instances are passed over (spared by the rules, or not below the beneficiary). */
        final String exclusion;
        private String candidateReason;

        ClientState(String clientId, int index, ClientStanding standing, double beneficiaryCvs) {
            this.clientId = clientId;
            this.index = index;
            this.standing = standing;
            String spared = standing.spared(clientId);
            this.exclusion = spared != null ? spared
                    : !Double.isNaN(beneficiaryCvs) && cvs() >= beneficiaryCvs ? VictimSelector.NOT_BELOW_BENEFICIARY
                    : null;
        }

        /** Its CVS; 0 when it has none. */
        double cvs() {
            if (!cvsAsked) {
                double score = standing.cvs(clientId);
                cvs = Double.isNaN(score) ? 0 : score;
                cvsAsked = true;
            }
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

    /** Clients a platform is expected to host at most; the client table grows beyond. */
    private static final int CLIENTS_EXPECTED = 1 << 14;

    private final ClientStanding standing;
    private final InterruptionCriteria criteria;
    private final double beneficiaryCvs;
    private final Instant youngestAllowed;
    private final boolean hardwareFailure;

    /** Marks, in the client index of an instance, an uninterruptible one. */
    private static final int UNINTERRUPTIBLE_INSTANCE = 1 << 30;

    /** The id of each client met, at the slot of its id: open addressing, at most half full. */
    private String[] idAt;
    /** The index of the client at each slot of {@link #idAt}: the order it was met in. */
    private int[] indexAt;
    /** The ids of the clients met, in the order met, and how many. */
    private String[] met;
    private int clientCount;

    /** Every candidate in the order met, and its client's previous candidate (or -1). */
    private Instance[] candidates = new Instance[1 << 10];
    private int[] previousOfClient = new int[1 << 10];
    private int candidateCount;

    /** The clients with candidates, in the order met. */
    private final List<ClientState> withCandidates = new ArrayList<>();
    /**
     * The exclusion of each client met, by index, and how many of its instances were passed over
     * for it: counted per client, and added up by reason once per client (a rule's reasons are
     * equal strings, seldom the same object).
     */
    private String[] exclusions = new String[0];
    private int[] passedOver = new int[0];
    /** Each client met, by index. */
    private ClientState[] clients = new ClientState[0];
    /**
     * By client index: how many more of its instances may be interrupted (its disruption budget
     * less its recent interruptions, at least 0), or -1 until asked — only clients with instances
     * past the other tests are asked; its last candidate, or -1 while it has none; how many
     * candidates it has. Kept in arrays, side by side, rather than on the clients' states.
     */
    private int[] budgetOf = new int[0];
    private int[] lastCandidateOf = new int[0];
    private int[] candidateCountOf = new int[0];
    /** Under a hardware failure, every running interruptible instance. */
    private final List<Candidate> all = new ArrayList<>();
    private final List<Candidate> uninterruptible = new ArrayList<>();
    private int notRunning;
    private int tooYoung;
    private int overBudget;

    /**
     * @param instances how many instances the platform has: at most as many clients, so the client
     *                  table is sized for them up to {@value #CLIENTS_EXPECTED} clients and grows beyond
     */
    PlatformScan(int instances, ClientStanding standing, InterruptionCriteria criteria, double beneficiaryCvs,
                 Instant now, boolean hardwareFailure) {
        int slots = Integer.highestOneBit(Math.max(8, Math.min(instances, CLIENTS_EXPECTED)) * 4 - 1);
        this.idAt = new String[slots];
        this.indexAt = new int[slots];
        this.met = new String[slots / 2];
        this.standing = standing;
        this.criteria = criteria;
        this.beneficiaryCvs = beneficiaryCvs;
        this.youngestAllowed = now.minus(criteria.minimumRunTime());
        this.hardwareFailure = hardwareFailure;
    }

    /** Takes in the platform's instances, in their order. */
    void addAll(Collection<Instance> platform) {
        Instance[] instances = platform.toArray(new Instance[0]);
        int n = instances.length;
        int[] clientOf = new int[n];
        for (int k = 0; k < n; k++) {
            Instance i = instances[k];
            if (i.state() != InstanceState.RUNNING) {
                notRunning++;
                clientOf[k] = -1;
            } else {
                int client = indexOf(i.clientId());
                clientOf[k] = i.kind() == InstanceKind.UNINTERRUPTIBLE ? client | UNINTERRUPTIBLE_INSTANCE : client;
            }
        }
        clients = new ClientState[clientCount];
        exclusions = new String[clientCount];
        passedOver = new int[clientCount];
        candidateCountOf = new int[clientCount];
        budgetOf = none(clientCount);
        lastCandidateOf = none(clientCount);
        for (int c = 0; c < clientCount; c++) {
            clients[c] = new ClientState(met[c], c, standing, beneficiaryCvs);
            exclusions[c] = clients[c].exclusion;
        }
        for (int k = 0; k < n; k++) {
            int code = clientOf[k];
            if (code < 0) {
                continue;
            }
            int c = code & ~UNINTERRUPTIBLE_INSTANCE;
            String exclusion = exclusions[c];
            if (code != c) {
                uninterruptible.add(new Candidate(instances[k], clients[c]));
            } else if (hardwareFailure) {
                all.add(new Candidate(instances[k], clients[c]));
            } else if (exclusion != null) {
                passedOver[c]++;
            } else {
                Instance i = instances[k];
                if (i.startedAt().isAfter(youngestAllowed)) {
                    tooYoung++;
                } else if (budget(c) == 0) {
                    overBudget++;
                } else {
                    addCandidate(c, i);
                }
            }
        }
    }

    /** The clients with candidates. */
    List<ClientState> withCandidates() {
        return withCandidates;
    }

    /** Under a hardware failure, every running interruptible instance, in the order met. */
    List<Candidate> all() {
        return all;
    }

    /** The running uninterruptible instances, in the order met. */
    List<Candidate> uninterruptible() {
        return uninterruptible;
    }

    /** The candidate at {@code index}. */
    Instance candidate(int index) {
        return candidates[index];
    }

    /**
     * The candidates of {@code client} its budget allows to take, as indices, in the order they are
     * taken: youngest first, then by id.
     */
    int[] takeable(ClientState client) {
        int n = Math.min(budgetOf[client.index], candidateCountOf[client.index]);
        int[] first = new int[Math.max(0, n)];
        int size = 0;
        for (int k = lastCandidateOf[client.index]; k >= 0 && n > 0; k = previousOfClient[k]) {
            if (size == n && youngestFirst(k, first[n - 1]) >= 0) {
                continue;
            }
            int at = size < n ? size++ : n - 1;
            while (at > 0 && youngestFirst(k, first[at - 1]) < 0) {
                first[at] = first[at - 1];
                at--;
            }
            first[at] = k;
        }
        return first;
    }

    /**
     * How many candidates of {@code client} are met, in the order they are taken, up to and with
     * candidate {@code last}; all of them when {@code last} is -1.
     */
    int metUpTo(ClientState client, int last) {
        if (last < 0) {
            return candidateCountOf[client.index];
        }
        int met = 0;
        for (int k = lastCandidateOf[client.index]; k >= 0; k = previousOfClient[k]) {
            if (youngestFirst(k, last) <= 0) {
                met++;
            }
        }
        return met;
    }

    /** Among candidates of one CVS: the younger first, then by id. */
    int youngestFirst(int a, int b) {
        int byAge = candidates[b].startedAt().compareTo(candidates[a].startedAt());
        return byAge != 0 ? byAge : candidates[a].instanceId().compareTo(candidates[b].instanceId());
    }

    /** Counts {@code n} candidates passed over while taking, their clients' budgets being spent. */
    void passedOverForBudget(int n) {
        overBudget += n;
    }

    /** How many instances were passed over, by reason. */
    Map<String, Integer> excluded() {
        Map<String, Integer> byReason = new TreeMap<>();
        count(byReason, VictimSelector.NOT_RUNNING, notRunning);
        count(byReason, VictimSelector.UNINTERRUPTIBLE, uninterruptible.size());
        count(byReason, VictimSelector.TOO_YOUNG, tooYoung);
        count(byReason, VictimSelector.OVER_BUDGET, overBudget);
        for (int c = 0; c < passedOver.length; c++) {
            count(byReason, exclusions[c], passedOver[c]);
        }
        return byReason;
    }

    private static void count(Map<String, Integer> byReason, String reason, int n) {
        if (n > 0) {
            byReason.merge(reason, n, Integer::sum);
        }
    }

    private int budget(int client) {
        if (budgetOf[client] < 0) {
            budgetOf[client] = Math.max(0, criteria.maxInterruptions() - standing.recentInterruptions(met[client]));
        }
        return budgetOf[client];
    }

    private void addCandidate(int client, Instance i) {
        int k = candidateCount++;
        if (k == candidates.length) {
            candidates = Arrays.copyOf(candidates, 2 * k);
            previousOfClient = Arrays.copyOf(previousOfClient, 2 * k);
        }
        candidates[k] = i;
        previousOfClient[k] = lastCandidateOf[client];
        if (lastCandidateOf[client] < 0) {
            withCandidates.add(clients[client]);
        }
        lastCandidateOf[client] = k;
        candidateCountOf[client]++;
    }

    /** {@code n} slots of -1: none yet. */
    private static int[] none(int n) {
        int[] slots = new int[n];
        Arrays.fill(slots, -1);
        return slots;
    }

    /** The index of the client of {@code clientId}, in the order clients are met. */
    private int indexOf(String clientId) {
        int slot = slot(clientId, idAt);
        if (idAt[slot] != null) {
            return indexAt[slot];
        }
        int index = clientCount++;
        if (index == met.length) {
            met = Arrays.copyOf(met, 2 * index);
        }
        met[index] = clientId;
        idAt[slot] = clientId;
        indexAt[slot] = index;
        if (clientCount * 2 > idAt.length) {
            grow();
        }
        return index;
    }

    /** Where {@code clientId} is in {@code ids}, or the free slot where it goes. */
    private static int slot(String clientId, String[] ids) {
        int mask = ids.length - 1;
        int slot = (clientId.hashCode() * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask);
        for (String id = ids[slot]; id != null && id != clientId && !id.equals(clientId); id = ids[slot]) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        idAt = new String[2 * idAt.length];
        indexAt = new int[idAt.length];
        for (int c = 0; c < clientCount; c++) {
            int slot = slot(met[c], idAt);
            idAt[slot] = met[c];
            indexAt[slot] = c;
        }
    }
}
