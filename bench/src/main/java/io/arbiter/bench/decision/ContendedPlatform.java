package io.arbiter.bench.decision;

import io.arbiter.arbitration.ArbitrationInput;
import io.arbiter.arbitration.Arbitrator;
import io.arbiter.arbitration.ClientStanding;
import io.arbiter.arbitration.PlatformRoster;
import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Decision;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.InterruptionCriteria;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.policy.ScoringParameters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One fully allocated platform running {@code size} instances of a {@link Fleet}'s clients, and a
 * capacity contention on it that needs 2 % of its allocation for a client of high value (the 99th
 * percentile of CVS). Decided two ways:
 * <ul>
 *   <li>{@link #arbiter()}: {@link Arbitrator#decide} with what the service has ready at decision
 *       time: the standing ({@link Fleet#standing()}) and the platform's {@link PlatformRoster},
 *       which the service keeps between decisions while the platform's instances do not change
 *       (making one anew, after they changed, is {@link #roster()}), with the scores it read for its
 *       clients at the first decision after the scoring pass ({@link #arbiterAfterScoringPass()});</li>
 *   <li>{@link #specificationBaseline()}: the original specification's algorithm: compute every
 *       client's CVS again (factors assembled from its inputs and scored by the rules, as the
 *       service re-scores), sort all instances by their client's CVS, and interrupt every
 *       interruptible one whose client is under the threshold.</li>
 * </ul>
 *
 * <p>The instances: 80 % interruptible; 0.5–16 cores (mostly 1–4) with 2, 4 or 8 GiB a core, kept
 * within 1–64 GiB; started an exponentially distributed time ago (mean 3 days, at most 30); spread
 * over the clients with a heavy tail (a few clients run many instances, most run few or none).
 */
public final class ContendedPlatform {

    /** The share of the platform's allocation the contention needs. */
    public static final double NEED_SHARE = 0.02;

    static final String PLATFORM = "p-bench";

    private static final double[] CORES = {0.5, 1, 2, 4, 8, 16};
    private static final double[] CORE_WEIGHTS = {0.15, 0.25, 0.25, 0.2, 0.1, 0.05};
    private static final double[] GIB_PER_CORE = {2, 4, 8};

    private final Fleet fleet;
    private final List<Instance> instances;
    private final PlatformRoster roster;
    private final Resources allocated;
    private final Contention contention;
    private final InterruptionCriteria criteria;
    private final ClientStanding standing;

    private ContendedPlatform(Fleet fleet, List<Instance> instances) {
        this.fleet = fleet;
        this.instances = instances;
        this.roster = PlatformRoster.of(instances);
        this.allocated = total(instances);
        this.contention = new Contention(PLATFORM, ContentionReason.CAPACITY, Severity.NORMAL,
                new Resources(allocated.cpu() * NEED_SHARE, allocated.memoryGiB() * NEED_SHARE),
                fleet.clientAtQuantile(0.99));
        this.criteria = ScoringParameters.interruption(fleet.policy().policy());
        this.standing = fleet.standing();
    }

    /** {@code size} instances of {@code fleet}'s clients on one platform, generated from a fixed seed. */
    public static ContendedPlatform generate(Fleet fleet, int size) {
        Random random = new Random(size);
        List<String> clients = fleet.clientIds();
        List<Instance> instances = new ArrayList<>(size);
        for (int n = 0; n < size; n++) {
            String client = clients.get((int) (clients.size() * Math.pow(random.nextDouble(), 2.5)));
            double cores = pick(CORES, CORE_WEIGHTS, random);
            double memory = Math.max(1, Math.min(64, cores * GIB_PER_CORE[random.nextInt(GIB_PER_CORE.length)]));
            long ageSeconds = (long) Math.min(30 * 86_400, -Math.log(1 - random.nextDouble()) * 3 * 86_400);
            InstanceKind kind = random.nextDouble() < 0.8 ? InstanceKind.INTERRUPTIBLE : InstanceKind.UNINTERRUPTIBLE;
            instances.add(new Instance(String.format("i-%06d", n), client, PLATFORM, kind,
                    new Resources(cores, memory), null, Fleet.NOW.minusSeconds(ageSeconds), InstanceState.RUNNING));
        }
        return new ContendedPlatform(fleet, List.copyOf(instances));
    }

    private static double pick(double[] values, double[] weights, Random random) {
        double u = random.nextDouble();
        for (int n = 0; n < values.length - 1; n++) {
            u -= weights[n];
            if (u < 0) {
                return values[n];
            }
        }
        return values[values.length - 1];
    }

    /**
     * The decision Arbiter takes, from the roster it keeps and the scores of the latest scoring pass,
     * which the roster has read for its clients at the first decision after that pass.
     */
    public Decision arbiter() {
        return decide(standing);
    }

    /**
     * The first decision after a scoring pass: the roster reads each of its clients' new scores and
     * verdicts ({@link Fleet#standing()} stands for a pass of its own at every call).
     */
    public Decision arbiterAfterScoringPass() {
        return decide(fleet.standing());
    }

    private Decision decide(ClientStanding from) {
        return Arbitrator.decide(new ArbitrationInput("contention-" + instances.size(), false, contention,
                Resources.ZERO, roster, from, criteria, fleet.rules().revision(), fleet.policy().version(),
                List.of(), Fleet.NOW));
    }

    /**
     * The platform's roster made anew from all its instances, as the service does when it first
     * decides for the platform or when the platform's change log no longer holds every change.
     */
    public PlatformRoster roster() {
        return PlatformRoster.of(instances);
    }

    /**
     * The platform's roster patched after one instance changed (the {@code n}-th, round-robin, now
     * stopping), as the service does when instances changed since its last decision: the group of
     * the instance's client is made anew. Instances are taken round-robin, so a client comes up as
     * often as it has instances: the large groups most.
     */
    public PlatformRoster patchedAfterOneChange(long n) {
        Instance changed = instances.get((int) Math.floorMod(n, (long) instances.size()));
        return roster.patched(List.of(changed.withState(InstanceState.STOPPING)), Set.of());
    }

    /** What the original specification interrupts, lowest CVS first. */
    public List<Instance> specificationBaseline() {
        Map<String, Double> cvs = fleet.rescore();
        Ranked[] ranked = new Ranked[instances.size()];
        for (int n = 0; n < ranked.length; n++) {
            Instance i = instances.get(n);
            ranked[n] = new Ranked(i, cvs.get(i.clientId()));
        }
        Arrays.sort(ranked, Comparator.comparingDouble(Ranked::cvs));
        List<Instance> interrupted = new ArrayList<>();
        for (Ranked r : ranked) {
            if (r.cvs() >= criteria.threshold()) {
                break;
            }
            if (r.instance().kind() == InstanceKind.INTERRUPTIBLE && r.instance().state() == InstanceState.RUNNING) {
                interrupted.add(r.instance());
            }
        }
        return interrupted;
    }

    private record Ranked(Instance instance, double cvs) {
    }

    /** What {@code instances} hold together. */
    public static Resources total(Collection<Instance> instances) {
        Resources sum = Resources.ZERO;
        for (Instance i : instances) {
            sum = sum.plus(i.resources());
        }
        return sum;
    }

    /** What the instances {@code decision} interrupts hold together. */
    public Resources interrupted(Decision decision) {
        Set<String> ids = new HashSet<>();
        decision.actions().forEach(a -> ids.add(a.instanceId()));
        return total(instances.stream().filter(i -> ids.contains(i.instanceId())).toList());
    }

    /** How many instances run on the platform. */
    public int size() {
        return instances.size();
    }

    /** What the platform's instances hold. */
    public Resources allocated() {
        return allocated;
    }

    /** The contention both approaches answer. */
    public Contention contention() {
        return contention;
    }
}
