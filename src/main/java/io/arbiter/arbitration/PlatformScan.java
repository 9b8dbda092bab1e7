package io.arbiter.arbitration;

import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.InterruptionCriteria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * writes little, and in order: clients are found in an open-addressing table of their states
 * (Fibonacci hashing) rather than through map nodes; passed-over instances are counted in runs of
 * one reason rather than on their clients; and each candidate is appended with a link to its
 * client's previous candidate, rather than to a list of its client's.
 */
final class PlatformScan {

    /** A running instance with its client. */
    record Candidate(Instance instance, ClientState client) {
    }

    /** One client's standing, as asked of {@link ClientStanding} in this decision, and its candidates. */
    static final class ClientState {

        final String clientId;
        /** Its CVS; 0 when it has none. */
        final double cvs;
        /** Why all its interruptible instances are passed over (spared by the rules, or not below the beneficiary). */
        final String exclusion;
        /**
         * How many more of its instances may be interrupted (its disruption budget less its recent
         * interruptions, at least 0), or -1 until asked: only clients with instances past the other
         * tests are asked.
         */
        private int budget = -1;
        /** Its last candidate, or -1 while it has none. */
        private int lastCandidate = -1;
        private int candidateCount;
        private String candidateReason;

        ClientState(String clientId, ClientStanding standing, double beneficiaryCvs) {
            this.clientId = clientId;
            double score = standing.cvs(clientId);
            this.cvs = Double.isNaN(score) ? 0 : score;
            String spared = standing.spared(clientId);
            this.exclusion = spared != null ? spared
                    : !Double.isNaN(beneficiaryCvs) && cvs >= beneficiaryCvs ? VictimSelector.NOT_BELOW_BENEFICIARY
                    : null;
        }

        /** Why its instances are victims. */
        String candidateReason() {
            if (candidateReason == null) {
                candidateReason = "lowest value: CVS " + String.format(Locale.ROOT, "%.3f", cvs)
                        + ", a candidate for interruption";
            }
            return candidateReason;
        }
    }

    /** Clients a platform is expected to host at most; the client table grows beyond. */
    private static final int CLIENTS_EXPECTED = 1 << 14;

    private final ClientStanding standing;
    private final InterruptionCriteria criteria;
    private final double beneficiaryCvs;
    private final Instant youngestAllowed;
    private final boolean hardwareFailure;

    /** Each client met, at the slot of its id: open addressing, at most half full. */
    private ClientState[] clients;
    private int clientCount;

    /** Every candidate in the order met, and its client's previous candidate (or -1). */
    private Instance[] candidates = new Instance[1 << 10];
    private int[] previousOfClient = new int[1 << 10];
    private int candidateCount;

    /** The clients with candidates, in the order met. */
    private final List<ClientState> withCandidates = new ArrayList<>();
    /**
     * Instances passed over for their client's {@link ClientState#exclusion}, by reason: counted in
     * a run while the reason is the same object (as a rule's reason is), and added up by value.
     */
    private final Map<String, Integer> passedOver = new HashMap<>();
    private String reasonOfRun;
    private int run;
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
        this.clients = new ClientState[slots];
        this.standing = standing;
        this.criteria = criteria;
        this.beneficiaryCvs = beneficiaryCvs;
        this.youngestAllowed = now.minus(criteria.minimumRunTime());
        this.hardwareFailure = hardwareFailure;
    }

    /** Takes in one instance of the platform. */
    void add(Instance i) {
        if (i.state() != InstanceState.RUNNING) {
            notRunning++;
            return;
        }
        ClientState client = client(i.clientId());
        if (i.kind() == InstanceKind.UNINTERRUPTIBLE) {
            uninterruptible.add(new Candidate(i, client));
        } else if (hardwareFailure) {
            all.add(new Candidate(i, client));
        } else if (client.exclusion != null) {
            if (client.exclusion != reasonOfRun) {
                count(passedOver, reasonOfRun, run);
                reasonOfRun = client.exclusion;
                run = 0;
            }
            run++;
        } else {
            Instant started = i.startedAt();
            if (started.isAfter(youngestAllowed)) {
                tooYoung++;
            } else if (budget(client) == 0) {
                overBudget++;
            } else {
                addCandidate(client, i);
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
        int n = Math.min(client.budget, client.candidateCount);
        int[] first = new int[Math.max(0, n)];
        int size = 0;
        for (int k = client.lastCandidate; k >= 0 && n > 0; k = previousOfClient[k]) {
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
            return client.candidateCount;
        }
        int met = 0;
        for (int k = client.lastCandidate; k >= 0; k = previousOfClient[k]) {
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
        count(passedOver, reasonOfRun, run);
        reasonOfRun = null;
        run = 0;
        passedOver.forEach((reason, n) -> count(byReason, reason, n));
        return byReason;
    }

    private static void count(Map<String, Integer> byReason, String reason, int n) {
        if (n > 0) {
            byReason.merge(reason, n, Integer::sum);
        }
    }

    private int budget(ClientState client) {
        if (client.budget < 0) {
            client.budget = Math.max(0, criteria.maxInterruptions() - standing.recentInterruptions(client.clientId));
        }
        return client.budget;
    }

    private void addCandidate(ClientState client, Instance i) {
        int k = candidateCount++;
        if (k == candidates.length) {
            candidates = Arrays.copyOf(candidates, 2 * k);
            previousOfClient = Arrays.copyOf(previousOfClient, 2 * k);
        }
        candidates[k] = i;
        previousOfClient[k] = client.lastCandidate;
        if (client.lastCandidate < 0) {
            withCandidates.add(client);
        }
        client.lastCandidate = k;
        client.candidateCount++;
    }

    private ClientState client(String clientId) {
        int slot = slot(clientId, clients);
        ClientState client = clients[slot];
        if (client == null) {
            client = new ClientState(clientId, standing, beneficiaryCvs);
            clients[slot] = client;
            if (++clientCount * 2 > clients.length) {
                grow();
            }
        }
        return client;
    }

    /** Where the client of {@code clientId} is in {@code table}, or the free slot where it goes. */
    private static int slot(String clientId, ClientState[] table) {
        int mask = table.length - 1;
        int slot = (clientId.hashCode() * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask);
        for (ClientState c = table[slot]; c != null && c.clientId != clientId && !c.clientId.equals(clientId);
             c = table[slot]) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        ClientState[] old = clients;
        clients = new ClientState[2 * old.length];
        for (ClientState c : old) {
            if (c != null) {
                clients[slot(c.clientId, clients)] = c;
            }
        }
    }
}
