package io.arbiter.arbitration;

import io.arbiter.domain.Instance;
import io.arbiter.domain.Platform;
import io.arbiter.domain.PlatformView;
import io.arbiter.domain.Resources;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One platform's instances as a decision reads them: grouped by client ({@link ClientGroup}), each
 * client's running interruptible and uninterruptible instances apart and in the order victims are
 * taken (the youngest first, then by id); what the platform's instances hold; how many run.
 * Immutable.
 *
 * <p>A decision then asks each client's standing once and, for a client the rules spare, counts its
 * instances from its group without reading them; only the instances of clients that may give way
 * are read, and those in the order they are taken. Grouping is done once, when the roster is made
 * ({@link #of}); when a few instances change, {@link #patched} makes the next roster from this one
 * by making anew only the groups of the clients whose instances changed, so the service keeps a
 * platform's roster from one decision to the next. With it, the roster keeps each client's CVS and
 * verdict as the latest decision's standing gave them ({@link RosterValues}), for as long as
 * decisions come with the same standing's answers (one scoring pass's scores).
 */
public final class PlatformRoster {

    private final ClientGroup[] groups;
    /** The index in {@link #groups} of each client's group. */
    private final Map<String, Integer> groupOf;
    private final int runningInterruptible;
    private final int runningUninterruptible;
    private final int notRunning;
    private final int holdingInterruptible;
    private final int holdingUninterruptible;
    private final Resources allocated;
    /**
     * What the standing of the latest decision said of these clients, kept for the next while its
     * answers stay the same; a roster patched from this one starts from them.
     */
    private volatile RosterValues values;

    private PlatformRoster(ClientGroup[] groups, Map<String, Integer> groupOf, RosterValues values) {
        this.groups = groups;
        this.groupOf = groupOf;
        this.values = values;
        int interruptible = 0;
        int uninterruptible = 0;
        int others = 0;
        int holdingI = 0;
        int holdingU = 0;
        double cpu = 0;
        double memory = 0;
        for (ClientGroup g : groups) {
            interruptible += g.interruptible().length;
            uninterruptible += g.uninterruptible().length;
            others += g.notRunning().length;
            holdingI += g.holdingInterruptible();
            holdingU += g.holdingUninterruptible();
            cpu += g.allocated().cpu();
            memory += g.allocated().memoryGiB();
        }
        this.runningInterruptible = interruptible;
        this.runningUninterruptible = uninterruptible;
        this.notRunning = others;
        this.holdingInterruptible = holdingI;
        this.holdingUninterruptible = holdingU;
        this.allocated = new Resources(cpu, memory);
    }

    /** The roster of a platform's instances, in any state, each id once (as the grid holds them). */
    public static PlatformRoster of(Collection<Instance> instances) {
        Map<String, Integer> groupOf = new HashMap<>();
        Instance[] all = instances.toArray(new Instance[0]);
        int[] clientOf = new int[all.length];
        int[] count = new int[16];
        String[] ids = new String[16];
        for (int k = 0; k < all.length; k++) {
            String clientId = all[k].clientId();
            Integer c = groupOf.get(clientId);
            if (c == null) {
                c = groupOf.size();
                groupOf.put(clientId, c);
                if (c == ids.length) {
                    ids = Arrays.copyOf(ids, 2 * c);
                    count = Arrays.copyOf(count, 2 * c);
                }
                ids[c] = clientId;
            }
            clientOf[k] = c;
            count[c]++;
        }
        int clients = groupOf.size();
        int[] next = new int[clients + 1];
        for (int c = 0; c < clients; c++) {
            next[c + 1] = next[c] + count[c];
        }
        int[] from = next.clone();
        Instance[] byClient = new Instance[all.length];
        for (int k = 0; k < all.length; k++) {
            byClient[next[clientOf[k]]++] = all[k];
        }
        List<Instance> grouped = Arrays.asList(byClient);
        ClientGroup[] groups = new ClientGroup[clients];
        for (int c = 0; c < clients; c++) {
            groups[c] = ClientGroup.of(ids[c], grouped.subList(from[c], from[c + 1]));
        }
        return new PlatformRoster(groups, groupOf, null);
    }

    /**
     * This roster after {@code changed} instances changed (started, stopped, changed state): each
     * replaces the instance of its id, or joins the roster. Only the groups of the clients concerned
     * are made anew.
     *
     * @param formerClients clients that held one of the changed instance ids before it was started
     *                      again for another client: their instance of that id leaves their group
     */
    public PlatformRoster patched(Collection<Instance> changed, Collection<String> formerClients) {
        if (changed.isEmpty()) {
            return this;
        }
        Map<String, Instance> byId = new HashMap<>();
        Map<String, Map<String, Instance>> byClient = new LinkedHashMap<>();
        for (Instance i : changed) {
            byId.put(i.instanceId(), i);
        }
        for (Instance i : byId.values()) {
            byClient.computeIfAbsent(i.clientId(), c -> new LinkedHashMap<>()).put(i.instanceId(), i);
        }
        formerClients.forEach(c -> byClient.computeIfAbsent(c, none -> new LinkedHashMap<>()));
        ClientGroup[] next = groups.clone();
        Map<String, Integer> nextGroupOf = groupOf;
        List<ClientGroup> added = new ArrayList<>();
        for (Map.Entry<String, Map<String, Instance>> e : byClient.entrySet()) {
            String clientId = e.getKey();
            Integer at = nextGroupOf.get(clientId);
            Map<String, Instance> members = new LinkedHashMap<>();
            if (at != null) {
                for (Instance i : next[at].all()) {
                    Instance now = byId.get(i.instanceId());
                    if (now == null || now.clientId().equals(clientId)) {
                        members.put(i.instanceId(), i);
                    }
                }
            }
            members.putAll(e.getValue());
            ClientGroup group = ClientGroup.of(clientId, members.values());
            if (at != null) {
                next[at] = group;
            } else if (!members.isEmpty()) {
                if (nextGroupOf == groupOf) {
                    nextGroupOf = new HashMap<>(groupOf);
                }
                nextGroupOf.put(clientId, groups.length + added.size());
                added.add(group);
            }
        }
        if (!added.isEmpty()) {
            next = Arrays.copyOf(next, groups.length + added.size());
            for (int k = 0; k < added.size(); k++) {
                next[groups.length + k] = added.get(k);
            }
        }
        return new PlatformRoster(next, nextGroupOf, values);
    }

    /** {@code platform} with what these, its instances, hold. */
    public PlatformView view(Platform platform) {
        return new PlatformView(platform, allocated, platform.capacity().minusClamped(allocated), holdingInterruptible,
                holdingUninterruptible);
    }

    /**
     * Each client's CVS and whether the rules spare it, as {@code standing} says: read from it the
     * first time, then kept while it gives the same {@link ClientStanding#answersKey()}.
     */
    RosterValues values(ClientStanding standing) {
        RosterValues known = values;
        if (known != null && known.answerFor(standing, groups.length)) {
            return known;
        }
        RosterValues read = RosterValues.read(groups, standing, known);
        if (standing.answersKey() != null) {
            values = read;
        }
        return read;
    }

    /** How many clients have instances on the platform, in any state. */
    public int clients() {
        return groups.length;
    }

    /** Client group {@code c} (0 ≤ c < {@link #clients()}). */
    public ClientGroup group(int c) {
        return groups[c];
    }

    /** How many running interruptible instances there are. */
    public int runningInterruptible() {
        return runningInterruptible;
    }

    /** How many running uninterruptible instances there are. */
    public int runningUninterruptible() {
        return runningUninterruptible;
    }

    /** How many instances are not running (stopping, stopped, migrating or migrated). */
    public int notRunning() {
        return notRunning;
    }

    /** What the instances that are running, stopping or migrating hold. */
    public Resources allocated() {
        return allocated;
    }

    /** How many interruptible instances hold resources (running, stopping or migrating). */
    public int holdingInterruptible() {
        return holdingInterruptible;
    }

    /** How many uninterruptible instances hold resources (running, stopping or migrating). */
    public int holdingUninterruptible() {
        return holdingUninterruptible;
    }
}
