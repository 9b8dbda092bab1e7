package io.arbiter.arbitration;

import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.InterruptionCriteria;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Victim;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The victim selection that reads every instance of the platform, before selection read a
 * {@link PlatformRoster}, kept as the reference the current {@link VictimSelector} must agree with (see {@link VictimSelectorEquivalenceTest}).
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
 * Candidates are heap-ordered (linear to build, logarithmic per victim), so a platform of 100,000
 * instances costs a scan, not a sort.
 */
final class ReferenceVictimSelector {

    static final String UNINTERRUPTIBLE = VictimSelector.UNINTERRUPTIBLE;
    static final String NOT_RUNNING = VictimSelector.NOT_RUNNING;
    static final String NOT_BELOW_BENEFICIARY = VictimSelector.NOT_BELOW_BENEFICIARY;
    static final String TOO_YOUNG = VictimSelector.TOO_YOUNG;
    static final String OVER_BUDGET = VictimSelector.OVER_BUDGET;

    private static final Comparator<Victim> LOWEST_VALUE_FIRST = Comparator.comparingDouble(Victim::cvs)
            .thenComparing(v -> v.instance().startedAt(), Comparator.reverseOrder())
            .thenComparing(v -> v.instance().instanceId());

    private ReferenceVictimSelector() {
    }

    /**
     * Selects the victims of {@code contention}.
     *
     * @param free what is free on the platform now
     * @param beneficiaryCvs the beneficiary's CVS, or NaN when the contention names none
     */
    static Selection select(Contention contention, Resources free, Collection<Instance> instances,
                                   ClientStanding standing, InterruptionCriteria criteria, double beneficiaryCvs,
                                   Instant now) {
        boolean hardwareFailure = contention.reason() == ContentionReason.HARDWARE_FAILURE;
        Resources wanted = hardwareFailure ? allocated(instances) : contention.need().minusClamped(free);
        Map<String, Integer> excluded = new TreeMap<>();
        List<Victim> uninterruptible = new ArrayList<>();
        List<Victim> candidates = new ArrayList<>();
        Instant youngestAllowed = now.minus(criteria.minimumRunTime());
        for (Instance i : instances) {
            if (i.state() != InstanceState.RUNNING) {
                count(excluded, NOT_RUNNING);
                continue;
            }
            double cvs = cvsOf(standing, i.clientId());
            if (i.kind() == InstanceKind.UNINTERRUPTIBLE) {
                uninterruptible.add(new Victim(i, cvs, UNINTERRUPTIBLE));
                count(excluded, UNINTERRUPTIBLE);
            } else if (hardwareFailure) {
                candidates.add(new Victim(i, cvs, "platform hardware failure"));
            } else {
                String reason = exclusion(i, cvs, standing, criteria, beneficiaryCvs, youngestAllowed);
                if (reason == null) {
                    candidates.add(new Victim(i, cvs, "lowest value: CVS " + round(cvs) + ", a candidate for "
                            + "interruption"));
                } else {
                    count(excluded, reason);
                }
            }
        }
        uninterruptible.sort(LOWEST_VALUE_FIRST);
        List<Victim> victims = hardwareFailure ? all(candidates) : cover(wanted, candidates, standing, criteria,
                excluded);
        Resources covered = total(victims);
        Resources shortfall = hardwareFailure ? total(uninterruptible) : wanted.minusClamped(covered);
        return new Selection(wanted, victims, shortfall, excluded, uninterruptible);
    }

    private static String exclusion(Instance i, double cvs, ClientStanding standing, InterruptionCriteria criteria,
                                    double beneficiaryCvs, Instant youngestAllowed) {
        String spared = standing.spared(i.clientId());
        if (spared != null) {
            return spared;
        }
        if (!Double.isNaN(beneficiaryCvs) && cvs >= beneficiaryCvs) {
            return NOT_BELOW_BENEFICIARY;
        }
        if (i.startedAt().isAfter(youngestAllowed)) {
            return TOO_YOUNG;
        }
        if (standing.recentInterruptions(i.clientId()) >= criteria.maxInterruptions()) {
            return OVER_BUDGET;
        }
        return null;
    }

    private static List<Victim> cover(Resources wanted, List<Victim> candidates, ClientStanding standing,
                                      InterruptionCriteria criteria, Map<String, Integer> excluded) {
        List<Victim> chosen = new ArrayList<>();
        if (wanted.isZero()) {
            return chosen;
        }
        PriorityQueue<Victim> queue = new PriorityQueue<>(Math.max(1, candidates.size()), LOWEST_VALUE_FIRST);
        queue.addAll(candidates);
        Map<String, Integer> addedPerClient = new HashMap<>();
        Resources covered = Resources.ZERO;
        while (!covered.covers(wanted) && !queue.isEmpty()) {
            Victim next = queue.poll();
            String client = next.instance().clientId();
            int added = addedPerClient.getOrDefault(client, 0);
            if (standing.recentInterruptions(client) + added >= criteria.maxInterruptions()) {
                count(excluded, OVER_BUDGET);
                continue;
            }
            addedPerClient.put(client, added + 1);
            chosen.add(next);
            covered = covered.plus(next.instance().resources());
        }
        return spareSuperfluous(chosen, wanted, covered);
    }

    /** Spares, highest CVS first, every victim without which the need is still covered. */
    private static List<Victim> spareSuperfluous(List<Victim> chosen, Resources wanted, Resources covered) {
        if (!covered.covers(wanted)) {
            return chosen;
        }
        Deque<Victim> kept = new ArrayDeque<>();
        Resources left = covered;
        for (ListIterator<Victim> back = chosen.listIterator(chosen.size()); back.hasPrevious(); ) {
            Victim v = back.previous();
            Resources without = left.minusClamped(v.instance().resources());
            if (without.covers(wanted)) {
                left = without;
            } else {
                kept.addFirst(v);
            }
        }
        return new ArrayList<>(kept);
    }

    private static List<Victim> all(List<Victim> candidates) {
        List<Victim> sorted = new ArrayList<>(candidates);
        sorted.sort(LOWEST_VALUE_FIRST);
        return sorted;
    }

    private static double cvsOf(ClientStanding standing, String clientId) {
        double cvs = standing.cvs(clientId);
        return Double.isNaN(cvs) ? 0 : cvs;
    }

    private static Resources allocated(Collection<Instance> instances) {
        return instances.stream().filter(i -> i.state().holdsResources()).map(Instance::resources)
                .reduce(Resources.ZERO, Resources::plus);
    }

    private static Resources total(List<Victim> victims) {
        return victims.stream().map(v -> v.instance().resources()).reduce(Resources.ZERO, Resources::plus);
    }

    private static void count(Map<String, Integer> excluded, String reason) {
        excluded.merge(reason, 1, Integer::sum);
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
