package io.arbiter.arbitration;

import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.Resources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One client's instances on a platform, as a {@link PlatformRoster} holds them: the running
 * interruptible ones in the order victims are taken (the youngest first, then by id) with their
 * start times beside them in flat arrays, the running uninterruptible ones in the same order, the
 * others (stopping, stopped, migrating, migrated), and what they hold. Immutable.
 */
public final class ClientGroup {

    /** Youngest first, then by id: the order a client's instances are taken in. */
    static final Comparator<Instance> YOUNGEST_FIRST = Comparator.comparing(Instance::startedAt).reversed()
            .thenComparing(Instance::instanceId);

    private static final Instance[] NONE = new Instance[0];

    private final String clientId;
    private final Instance[] interruptible;
    private final long[] startSecond;
    private final int[] startNano;
    private final Instance[] uninterruptible;
    private final Instance[] notRunning;
    private final Resources allocated;
    private final int holdingInterruptible;
    private final int holdingUninterruptible;

    private ClientGroup(String clientId, Instance[] interruptible, Instance[] uninterruptible, Instance[] notRunning,
                        Resources allocated, int holdingInterruptible, int holdingUninterruptible) {
        this.clientId = clientId;
        this.interruptible = interruptible;
        this.uninterruptible = uninterruptible;
        this.notRunning = notRunning;
        this.allocated = allocated;
        this.holdingInterruptible = holdingInterruptible;
        this.holdingUninterruptible = holdingUninterruptible;
        this.startSecond = new long[interruptible.length];
        this.startNano = new int[interruptible.length];
        for (int k = 0; k < interruptible.length; k++) {
            Instant started = interruptible[k].startedAt();
            startSecond[k] = started.getEpochSecond();
            startNano[k] = started.getNano();
        }
    }

    /** The group of {@code clientId}'s {@code instances} (what they hold summed in their order). */
    static ClientGroup of(String clientId, Collection<Instance> instances) {
        List<Instance> interruptible = new ArrayList<>();
        List<Instance> uninterruptible = new ArrayList<>();
        List<Instance> others = new ArrayList<>();
        double cpu = 0;
        double memory = 0;
        int holdingInterruptible = 0;
        int holdingUninterruptible = 0;
        for (Instance i : instances) {
            boolean interruptibleKind = i.kind() == InstanceKind.INTERRUPTIBLE;
            if (i.state().holdsResources()) {
                cpu += i.resources().cpu();
                memory += i.resources().memoryGiB();
                if (interruptibleKind) {
                    holdingInterruptible++;
                } else {
                    holdingUninterruptible++;
                }
            }
            if (i.state() != InstanceState.RUNNING) {
                others.add(i);
            } else if (interruptibleKind) {
                interruptible.add(i);
            } else {
                uninterruptible.add(i);
            }
        }
        interruptible.sort(YOUNGEST_FIRST);
        uninterruptible.sort(YOUNGEST_FIRST);
        return new ClientGroup(clientId, interruptible.toArray(NONE), uninterruptible.toArray(NONE),
                others.toArray(NONE), new Resources(cpu, memory), holdingInterruptible, holdingUninterruptible);
    }

    /** The client. */
    public String clientId() {
        return clientId;
    }

    /** True when the client has a running instance on the platform. */
    boolean running() {
        return interruptible.length > 0 || uninterruptible.length > 0;
    }

    /** Its running interruptible instances, the youngest first, then by id (the array itself: not to be changed). */
    Instance[] interruptible() {
        return interruptible;
    }

    /** True when running interruptible instance {@code k} started after {@code second}.{@code nano} (epoch). */
    boolean startedAfter(int k, long second, int nano) {
        return startSecond[k] > second || startSecond[k] == second && startNano[k] > nano;
    }

    /**
     * Negative when this group's running interruptible instance {@code a} is taken before
     * {@code other}'s instance {@code b}: the younger first, then by id.
     */
    int youngestFirst(int a, ClientGroup other, int b) {
        int byAge = startSecond[a] != other.startSecond[b] ? Long.compare(other.startSecond[b], startSecond[a])
                : Integer.compare(other.startNano[b], startNano[a]);
        return byAge != 0 ? byAge : interruptible[a].instanceId().compareTo(other.interruptible[b].instanceId());
    }

    /** Its running uninterruptible instances, the youngest first, then by id (the array itself: not to be changed). */
    Instance[] uninterruptible() {
        return uninterruptible;
    }

    /** Its instances that are not running (the array itself: not to be changed). */
    Instance[] notRunning() {
        return notRunning;
    }

    /** Its running interruptible instances, the youngest first, then by id. */
    public List<Instance> runningInterruptible() {
        return Collections.unmodifiableList(Arrays.asList(interruptible));
    }

    /** Its running uninterruptible instances, the youngest first, then by id. */
    public List<Instance> runningUninterruptible() {
        return Collections.unmodifiableList(Arrays.asList(uninterruptible));
    }

    /** Its instances that are not running (stopping, stopped, migrating, migrated), in no particular order. */
    public List<Instance> others() {
        return Collections.unmodifiableList(Arrays.asList(notRunning));
    }

    /** All its instances. */
    List<Instance> all() {
        List<Instance> all = new ArrayList<>(interruptible.length + uninterruptible.length + notRunning.length);
        all.addAll(List.of(interruptible));
        all.addAll(List.of(uninterruptible));
        all.addAll(List.of(notRunning));
        return all;
    }

    /** What its instances that are running, stopping or migrating hold. */
    Resources allocated() {
        return allocated;
    }

    /** How many of its interruptible instances hold resources. */
    int holdingInterruptible() {
        return holdingInterruptible;
    }

    /** How many of its uninterruptible instances hold resources. */
    int holdingUninterruptible() {
        return holdingUninterruptible;
    }
}
