package io.arbiter.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.ReplicaMigrationEvent;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Who is in the cluster and who owns what: the members as this member sees them, the owner of a
 * platform's partition (the one member that arbitrates it), and whether this member sees the
 * majority that the decision maps' split-brain protection asks for.
 */
public final class GridOwnership {

    /**
     * A member of the cluster.
     *
     * @param id the member's id (a UUID)
     * @param address host:port of its grid endpoint
     * @param zone the zone it runs in, or null when it was started without one
     * @param local whether it is this process's member
     */
    public record ClusterMember(String id, String address, String zone, boolean local) {
    }

    /** What changed in the cluster. */
    public enum Change {
        /** A member joined; partitions will move to it. */
        JOINED,
        /** A member left or was declared dead; its partitions move to the others. */
        LEFT,
        /** Partitions finished moving. */
        MIGRATED,
        /** This member merged back into the cluster after a split. */
        MERGED
    }

    private final HazelcastInstance hz;
    private final SplitBrainProtectionConfig protection;

    GridOwnership(HazelcastInstance hz) {
        this.hz = hz;
        MapConfig decisions = hz.getConfig().findMapConfig(GridMaps.DECISIONS);
        String name = decisions.getSplitBrainProtectionName();
        this.protection = name == null ? null : hz.getConfig().getSplitBrainProtectionConfig(name);
    }

    /** This process's member. */
    public ClusterMember self() {
        return view(hz.getCluster().getLocalMember());
    }

    /** Every member this member sees, itself included, oldest first. */
    public List<ClusterMember> members() {
        return hz.getCluster().getMembers().stream().map(GridOwnership::view).toList();
    }

    /** The member that owns {@code platformId}'s partition; empty while no member does (during a takeover). */
    public Optional<ClusterMember> ownerOf(String platformId) {
        Partition partition = hz.getPartitionService().getPartition(platformId);
        Member owner = partition.getOwner();
        return owner == null ? Optional.empty() : Optional.of(view(owner));
    }

    /** True when this member owns {@code platformId}'s partition, and so is the one that arbitrates it. */
    public boolean owns(String platformId) {
        Member owner = hz.getPartitionService().getPartition(platformId).getOwner();
        return owner != null && owner.localMember();
    }

    /** True when the decision maps may be written from here: no protection, or enough members seen. */
    public boolean hasMajority() {
        return protection == null || hz.getSplitBrainProtectionService()
                .getSplitBrainProtection(protection.getName()).hasMinimumSize();
    }

    /** How many members the protection asks for (1 when there is none). */
    public int membersNeeded() {
        return protection == null ? 1 : protection.getMinimumClusterSize();
    }

    /** The refusal to do {@code what} on the minority side of a split, saying why. */
    public MinorityException refusal(String what) {
        return new MinorityException(what + ": this member sees " + members().size() + " member(s), fewer than the "
                + membersNeeded() + " the cluster's split-brain protection needs; it is on the minority side of a "
                + "split and decides nothing until the cluster heals");
    }

    /**
     * True when every partition has its backups in place: no migration is under way. Blocks: it
     * asks every member and waits for their answers, so never call it on an event loop.
     */
    public boolean isSettled() {
        return hz.getPartitionService().isClusterSafe();
    }

    /**
     * Calls {@code listener} (on Hazelcast's event threads: it must hand work off quickly) when a
     * member joins or leaves, when partitions finish moving, and when this member merged back
     * after a split.
     */
    public void onChange(Consumer<Change> listener) {
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                listener.accept(Change.JOINED);
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                listener.accept(Change.LEFT);
            }
        });
        hz.getPartitionService().addMigrationListener(new MigrationListener() {
            @Override
            public void migrationStarted(MigrationState state) {
            }

            @Override
            public void migrationFinished(MigrationState state) {
                listener.accept(Change.MIGRATED);
            }

            @Override
            public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
            }

            @Override
            public void replicaMigrationFailed(ReplicaMigrationEvent event) {
            }
        });
        hz.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                listener.accept(Change.MERGED);
            }
        });
    }

    private static ClusterMember view(Member m) {
        return new ClusterMember(m.getUuid().toString(), m.getAddress().getHost() + ":" + m.getAddress().getPort(),
                m.getAttribute(GridMember.ZONE_ATTRIBUTE), m.localMember());
    }
}
