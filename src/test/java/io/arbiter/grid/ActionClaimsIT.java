package io.arbiter.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.arbiter.testing.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Claims on actions between two members in this JVM (TCP on 127.0.0.1): a member gets only the
 * actions no member still in the cluster holds, and those of a member that left.
 */
class ActionClaimsIT {

    private final List<Integer> ports = FreePorts.distinct(2);
    private final ExecutorService threads = GridStore.daemonPool(2, "claims-test");

    @AfterEach
    void stop() {
        threads.shutdownNow();
        Hazelcast.shutdownAll();
    }

    private HazelcastInstance member(int port) {
        Config config = new Config().setClusterName("claims-" + ports.get(0));
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + ports.get(0)).addMember("127.0.0.1:" + ports.get(1));
        return Hazelcast.newHazelcastInstance(config);
    }

    private static List<String> join(java.util.concurrent.CompletionStage<List<String>> stage) {
        return stage.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void aMemberGetsOnlyTheActionsNoLiveMemberHoldsAndTakesOverOnlyThoseOfAMemberThatLeft() {
        HazelcastInstance first = member(ports.get(0));
        HazelcastInstance second = member(ports.get(1));
        await().atMost(60, TimeUnit.SECONDS).until(() -> second.getCluster().getMembers().size() == 2);
        ActionClaims firstClaims = new ActionClaims(first, threads);
        ActionClaims secondClaims = new ActionClaims(second, threads);

        assertThat(join(firstClaims.claim(List.of("d-1-1", "d-1-2")))).containsExactly("d-1-1", "d-1-2");
        assertThat(join(firstClaims.claim(List.of("d-1-1")))).as("held already").containsExactly("d-1-1");
        assertThat(join(secondClaims.claim(List.of("d-1-1", "d-2-1")))).as("d-1-1 is the first member's")
                .containsExactly("d-2-1");
        firstClaims.release("d-1-2");
        await().atMost(10, TimeUnit.SECONDS).until(() -> join(secondClaims.claim(List.of("d-1-2"))).equals(List.of("d-1-2")));

        assertThat(join(firstClaims.takeOver(List.of("d-1-1", "d-2-1", "d-3-1")))).as("never its own, nor a live member's")
                .containsExactly("d-3-1");

        first.getLifecycleService().terminate();
        await().atMost(30, TimeUnit.SECONDS).until(() -> second.getCluster().getMembers().size() == 1);

        assertThat(join(secondClaims.takeOver(List.of("d-1-1", "d-2-1")))).as("the claims of a member that left")
                .containsExactly("d-1-1");
    }
}
