package io.arbiter.grid;

import io.arbiter.testing.ClusterFiles;
import io.arbiter.testing.FreePorts;
import io.arbiter.testing.GridIngest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each member's copy of where instances run follows the grid: an instance id started again on
 * another platform, through another member, is found there by every member.
 */
class LocationCacheIT {

    private static GridMember a;
    private static GridMember b;

    @BeforeAll
    static void startTwoMembers() throws Exception {
        Path dir = Files.createTempDirectory("arbiter-locations-");
        List<Path> files = ClusterFiles.write(dir, FreePorts.distinct(2));
        var starting = List.of(
                CompletableFuture.supplyAsync(() -> GridMember.start(new GridOptions(files.get(0), "zone-a", Duration.ofHours(1)))),
                CompletableFuture.supplyAsync(() -> GridMember.start(new GridOptions(files.get(1), "zone-b", Duration.ofHours(1)))));
        a = starting.get(0).get(120, TimeUnit.SECONDS);
        b = starting.get(1).get(120, TimeUnit.SECONDS);
        await().atMost(60, TimeUnit.SECONDS).until(() -> a.ownership().members().size() == 2);
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    @Test
    void anInstanceStartedAgainOnAnotherPlatformIsFoundThereByEveryMember() throws Exception {
        GridIngest viaA = new GridIngest(a);
        viaA.accepted(platform("l-p1", "l-p1", 8, 8), platform("l-p2", "l-p2", 8, 8), client("l-c", "l-c", "gold"),
                instance("l-i1", "l-i", "l-c", "l-p1", "interruptible", 1, 1));
        assertThat(located(b)).as("read from the grid, then kept").isEqualTo("l-p1");
        assertThat(located(b)).isEqualTo("l-p1");

        viaA.accepted(instance("l-i2", "l-i", "l-c", "l-p2", "interruptible", 1, 1));

        assertThat(located(a)).as("the member that wrote it").isEqualTo("l-p2");
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(located(b)).isEqualTo("l-p2"));
    }

    private static String located(GridMember member) throws Exception {
        return member.store().instanceLocations(Set.of("l-i")).toCompletableFuture().get(30, TimeUnit.SECONDS)
                .get("l-i").platformId();
    }
}
