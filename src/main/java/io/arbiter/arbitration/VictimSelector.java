package io.arbiter.arbitration;

import io.arbiter.arbitration.RosterScan.Candidate;
import io.arbiter.arbitration.RosterScan.ClientState;
import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InterruptionCriteria;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Victim;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * Chooses the fewest, lowest-value interruptible instances that make the room a contention wants.
 *
 * <ol>
 *   <li>What is free on the platform counts first; only the rest is taken from instances.</li>
 *   <li>Candidates are running interruptible instances of clients the interruption rules make
 *       candidates (by default: CVS below the threshold), whose CVS is below the beneficiary's (no
 *       cascades), past their minimum run time, of clients within their disruption budget (counting
 *       the interruptions this decision adds).</li>
 *   <li>They are taken lowest CVS first, youngest first among equals, then by id, until the need is
 *       covered in cpu and memory; then, highest CVS first, any victim whose removal leaves the need
 *       covered is spared again, so that no victim is superfluous.</li>
 *   <li>A hardware failure takes every running interruptible instance, whatever its score; the
 *       uninterruptible ones are left to migration and their room is the shortfall.</li>
 * </ol>
 * A platform of 100,000 instances costs one pass over its clients ({@link RosterScan}), not over
 * its instances, and no sort: the {@link PlatformRoster} keeps each client's instances in the order
 * they are taken, so the clients with candidates are ordered by CVS and of each client taken from
 * only its first candidates up to its disruption budget are read and get a {@link Victim}. The
 * uninterruptible instances are gathered and put in order when {@link Selection#uninterruptible()}
 * is first read: a decision does not read them, migration eligibility does.
 */
public final class VictimSelector {

    static final String UNINTERRUPTIBLE = "uninterruptible: only migration may move it";
    static final String NOT_RUNNING = "not running";
    static final String NOT_BELOW_BENEFICIARY = "client CVS at or above the beneficiary's";
    static final String TOO_YOUNG = "inside its minimum run time";
    static final String OVER_BUDGET = "client over its disruption budget";
    static final String HARDWARE_FAILURE = "platform hardware failure";

    /** Lowest CVS first, youngest first among equals, then by id. */
    private static final Comparator<Candidate> LOWEST_VALUE_FIRST = VictimSelector::lowestValueFirst;
    private static final Comparator<Valued> BY_VALUE = Comparator.comparingDouble(Valued::cvs);
    private static final Comparator<Takeable> YOUNGEST_FIRST =
            (x, y) -> x.client().group.youngestFirst(x.index(), y.client().group, y.index());

    private VictimSelector() {
    }

    /**
     * Selects the victims of {@code contention}.
     *
     * @param free what is free on the platform now
     * @param beneficiaryCvs the beneficiary's CVS, or NaN when the contention names none
     */
    public static Selection select(Contention contention, Resources free, PlatformRoster roster,
                                   ClientStanding standing, InterruptionCriteria criteria, double beneficiaryCvs,
                                   Instant now) {
        boolean hardwareFailure = contention.reason() == ContentionReason.HARDWARE_FAILURE;
        Resources wanted = hardwareFailure ? roster.allocated() : contention.need().minusClamped(free);
        RosterScan scan = new RosterScan(roster, standing, criteria, beneficiaryCvs, now, hardwareFailure);
        List<Victim> victims;
        if (hardwareFailure) {
            List<Candidate> all = scan.all();
            all.sort(LOWEST_VALUE_FIRST);
            victims = victims(all, HARDWARE_FAILURE);
        } else {
            victims = victims(cover(wanted, scan), null);
        }
        List<Victim> uninterruptible = new SortedWhenRead(roster.runningUninterruptible(), scan::uninterruptible);
        Resources covered = total(victims);
        Resources shortfall = hardwareFailure ? total(uninterruptible) : wanted.minusClamped(covered);
        return new Selection(wanted, victims, shortfall, scan.excluded(), uninterruptible);
    }

    /**
     * Takes the candidates lowest value first until {@code wanted} is covered, then spares the
     * superfluous. Clients of one CVS are taken together: of each, only its youngest candidates up
     * to its disruption budget can be taken, so only those are put in order; its others are counted
     * as passed over for the budget where they come before the victim that covers the need.
     */
    private static List<Candidate> cover(Resources wanted, RosterScan scan) {
        List<Candidate> chosen = new ArrayList<>();
        if (wanted.isZero()) {
            return chosen;
        }
        List<Valued> clients = new ArrayList<>(scan.withCandidates().size());
        for (ClientState client : scan.withCandidates()) {
            clients.add(new Valued(client.cvs(), client));
        }
        PriorityQueue<Valued> byValue = new PriorityQueue<>(Math.max(1, clients.size()), BY_VALUE);
        byValue.addAll(clients);
        Resources covered = Resources.ZERO;
        while (!covered.covers(wanted) && !byValue.isEmpty()) {
            Valued lowest = byValue.poll();
            List<ClientState> sameValue = new ArrayList<>();
            sameValue.add(lowest.client());
            while (!byValue.isEmpty() && BY_VALUE.compare(byValue.peek(), lowest) == 0) {
                sameValue.add(byValue.poll().client());
            }
            PriorityQueue<Takeable> inOrder = youngestFirst(sameValue);
            Takeable last = null;
            int taken = 0;
            while (!inOrder.isEmpty()) {
                Takeable next = inOrder.poll();
                if (next.index() + 1 < next.client().firstCandidate + next.client().takeable) {
                    inOrder.add(new Takeable(next.index() + 1, next.client()));
                }
                Instance instance = next.client().group.interruptible()[next.index()];
                chosen.add(new Candidate(instance, next.client()));
                taken++;
                covered = covered.plus(instance.resources());
                if (covered.covers(wanted)) {
                    last = next;
                    break;
                }
            }
            int met = 0;
            for (ClientState client : sameValue) {
                met += last == null ? scan.metUpTo(client, null, -1) : scan.metUpTo(client, last.client(), last.index());
            }
            scan.passedOverForBudget(met - taken);
        }
        return spareSuperfluous(chosen, wanted, covered);
    }

    /**
     * The takeable candidates of {@code clients} (of one CVS), to be polled youngest first across
     * them: each client's come in that order already, so the queue holds each client's next one
     * and the caller adds the one after it when it polls one. Only as many are put in order as the
     * need takes, where sorting them all cost most of a decision with thousands of clients of one CVS.
     */
    private static PriorityQueue<Takeable> youngestFirst(List<ClientState> clients) {
        PriorityQueue<Takeable> heads = new PriorityQueue<>(Math.max(1, clients.size()), YOUNGEST_FIRST);
        for (ClientState client : clients) {
            if (client.takeable > 0) {
                heads.add(new Takeable(client.firstCandidate, client));
            }
        }
        return heads;
    }

    /** Spares, highest CVS first, every victim without which the need is still covered. */
    private static List<Candidate> spareSuperfluous(List<Candidate> chosen, Resources wanted, Resources covered) {
        if (!covered.covers(wanted)) {
            return chosen;
        }
        List<Candidate> kept = new ArrayList<>(chosen);
        for (int n = kept.size() - 1; n >= 0; n--) {
            Resources without = covered.minusClamped(kept.get(n).instance().resources());
            if (without.covers(wanted)) {
                covered = without;
                kept.remove(n);
            }
        }
        return kept;
    }

    /** {@code candidates} as victims, each for {@code reason}, or for its client's reason when null. */
    private static List<Victim> victims(List<Candidate> candidates, String reason) {
        List<Victim> victims = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            victims.add(new Victim(c.instance(), c.client().cvs(), reason != null ? reason : c.client().candidateReason()));
        }
        return victims;
    }

    private static int lowestValueFirst(Candidate a, Candidate b) {
        int byValue = Double.compare(a.client().cvs(), b.client().cvs());
        return byValue != 0 ? byValue : youngestFirst(a.instance(), b.instance());
    }

    private static int youngestFirst(Instance a, Instance b) {
        int byAge = b.startedAt().compareTo(a.startedAt());
        return byAge != 0 ? byAge : a.instanceId().compareTo(b.instanceId());
    }

    private static Resources total(List<Victim> victims) {
        Resources sum = Resources.ZERO;
        for (Victim v : victims) {
            sum = sum.plus(v.instance().resources());
        }
        return sum;
    }

    /** A client with candidates and its CVS, side by side so that ordering clients reads no client. */
    private record Valued(double cvs, ClientState client) {
    }

    /** A candidate of a client taken from, by its position in the client's group. */
    private record Takeable(int index, ClientState client) {
    }

    /** The uninterruptible instances as victims, lowest value first: put in order when first read. */
    private static final class SortedWhenRead extends AbstractList<Victim> {

        private final int size;
        private Supplier<List<Candidate>> unsorted;
        private List<Victim> sorted;

        SortedWhenRead(int size, Supplier<List<Candidate>> unsorted) {
            this.size = size;
            this.unsorted = unsorted;
        }

        @Override
        public Victim get(int index) {
            return sorted().get(index);
        }

        @Override
        public int size() {
            return size;
        }

        private synchronized List<Victim> sorted() {
            if (sorted == null) {
                List<Candidate> candidates = unsorted.get();
                candidates.sort(LOWEST_VALUE_FIRST);
                sorted = victims(candidates, UNINTERRUPTIBLE);
                unsorted = null;
            }
            return sorted;
        }
    }
}
