package io.arbiter.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Which member carries out each action: a claim per action id naming a member. The member that
 * takes a decision claims its actions before it starts them; a member taking actions over after
 * another left gets only those no claimant still in the cluster holds (never its own, which it is
 * carrying out or has finished: a list of unfinished actions read a while ago may be stale).
 * So when a platform changes owner twice after a member dies (a backup promoted on one survivor,
 * then partitions rebalanced to another), the second owner leaves the first one's actions to it
 * rather than carrying them out a second time. Claims are given up when an action ends, and expire
 * after a day ({@link GridMaps#ACTION_CLAIMS}).
 */
public final class ActionClaims {

    private final HazelcastInstance hz;
    private final IMap<String, String> claims;
    private final Executor executor;

    ActionClaims(HazelcastInstance hz, Executor executor) {
        this.hz = hz;
        this.claims = hz.getMap(GridMaps.ACTION_CLAIMS);
        this.executor = executor;
    }

    /**
     * Claims each of {@code actionIds} for this member unless a member still in the cluster holds
     * it; answers those this member holds now, in the order given (the decider's claim).
     */
    public CompletionStage<List<String>> claim(List<String> actionIds) {
        return claimEach(actionIds, true);
    }

    /**
     * Takes over those of {@code actionIds} that no member still in the cluster holds, this one
     * included: a member never takes over what it carries out (or carried out) itself. Answers those
     * taken, in the order given.
     */
    public CompletionStage<List<String>> takeOver(List<String> actionIds) {
        return claimEach(actionIds, false);
    }

    private CompletionStage<List<String>> claimEach(List<String> actionIds, boolean keepOwn) {
        return CompletableFuture.supplyAsync(() -> {
            String self = hz.getCluster().getLocalMember().getUuid().toString();
            List<String> held = new ArrayList<>();
            for (String id : actionIds) {
                if (claim(id, self, keepOwn)) {
                    held.add(id);
                }
            }
            return held;
        }, executor);
    }

    private boolean claim(String actionId, String self, boolean keepOwn) {
        while (true) {
            String holder = claims.putIfAbsent(actionId, self);
            if (holder == null) {
                return true;
            }
            if (holder.equals(self)) {
                return keepOwn;
            }
            if (isMember(holder)) {
                return false;
            }
            if (claims.replace(actionId, holder, self)) {
                return true;
            }
        }
    }

    private boolean isMember(String uuid) {
        for (Member m : hz.getCluster().getMembers()) {
            if (m.getUuid().equals(UUID.fromString(uuid))) {
                return true;
            }
        }
        return false;
    }

    /** Gives up this member's claim on {@code actionId} (the action ended). */
    public void release(String actionId) {
        claims.removeAsync(actionId);
    }
}
