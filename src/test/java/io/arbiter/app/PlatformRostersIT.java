package io.arbiter.app;

import io.arbiter.arbitration.ClientGroup;
import io.arbiter.arbitration.PlatformRoster;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceState;
import io.arbiter.grid.GridMember;
import io.arbiter.grid.GridOptions;
import io.arbiter.testing.GridIngest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rosters a member keeps between decisions follow the grid: a roster is patched with the
 * instances that changed, read whole again when the platform's change log no longer holds every
 * change since, and always equal to one made from the platform's instances as they are.
 */
class PlatformRostersIT {

    private static GridMember member;
    private static GridIngest events;

    @BeforeAll
    static void start() throws Exception {
        member = GridMember.start(new GridOptions(null, null, Duration.ofHours(1)));
        events = new GridIngest(member);
        events.accepted(platform("r-p1", "p1", 64, 256), platform("r-p2", "p2", 64, 256), client("r-a", "a", "gold"),
                client("r-b", "b", "bronze"));
    }

    @AfterAll
    static void stop() {
        member.close();
    }

    @Test
    void aKeptRosterIsPatchedWithTheInstancesThatChanged() throws Exception {
        events.accepted(instance("r1", "p1-i1", "a", "p1", "interruptible", 2, 4),
                instance("r2", "p1-i2", "a", "p1", "uninterruptible", 2, 4),
                instance("r3", "p1-i3", "b", "p1", "interruptible", 2, 4));
        PlatformRosters rosters = new PlatformRosters(member.store(), Clock.systemUTC());
        assertThat(described(roster(rosters, "p1"))).isEqualTo(anew("p1"));
        assertThat(rosters.readWhole()).isEqualTo(1);

        assertThat(roster(rosters, "p1")).as("nothing changed: the same roster").isSameAs(roster(rosters, "p1"));
        events.accepted(instance("r4", "p1-i4", "b", "p1", "interruptible", 1, 1),
                new JsonObject().put("id", "r5").put("type", "instance.stopped").put("instanceId", "p1-i1"),
                instance("r6", "p1-i3", "a", "p1", "interruptible", 3, 3));
        member.store().setState("p1-i2", InstanceState.MIGRATING).toCompletableFuture().get(30, TimeUnit.SECONDS);

        Map<String, String> patched = described(roster(rosters, "p1"));
        assertThat(patched).isEqualTo(anew("p1"))
                .containsEntry("b", "[p1-i4] [] []")
                .containsEntry("a", "[p1-i3] [] [p1-i1, p1-i2]");
        assertThat(rosters.readWhole()).as("patched, not read whole").isEqualTo(1);
        assertThat(rosters.patched()).isEqualTo(1);
    }

    @Test
    void aRosterIsReadWholeAgainWhenTheLogNoLongerHoldsEveryChangeSince() throws Exception {
        events.accepted(instance("q1", "p2-i1", "a", "p2", "interruptible", 2, 4));
        PlatformRosters rosters = new PlatformRosters(member.store(), Clock.systemUTC());
        roster(rosters, "p2");
        List<CompletableFuture<Boolean>> changes = new ArrayList<>();
        for (int n = 0; n <= 4096; n++) {
            changes.add(member.store().setState("p2-i1", n % 2 == 0 ? InstanceState.STOPPING : InstanceState.RUNNING)
                    .toCompletableFuture());
        }
        CompletableFuture.allOf(changes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(described(roster(rosters, "p2"))).isEqualTo(anew("p2"));
        assertThat(rosters.readWhole()).isEqualTo(2);
        assertThat(rosters.patched()).isZero();
    }

    private static PlatformRoster roster(PlatformRosters rosters, String platformId) throws Exception {
        return rosters.roster(platformId).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static Map<String, String> anew(String platformId) throws Exception {
        return described(PlatformRoster.of(member.store().instancesOn(platformId).toCompletableFuture()
                .get(30, TimeUnit.SECONDS)));
    }

    /** Each client's instance ids: running interruptible, running uninterruptible, the others (sorted). */
    private static Map<String, String> described(PlatformRoster roster) {
        Map<String, String> byClient = new TreeMap<>();
        for (int c = 0; c < roster.clients(); c++) {
            ClientGroup g = roster.group(c);
            byClient.put(g.clientId(), ids(g.runningInterruptible().stream().map(Instance::instanceId).toList()) + " "
                    + ids(g.runningUninterruptible().stream().map(Instance::instanceId).toList()) + " "
                    + ids(g.others().stream().map(Instance::instanceId).sorted().toList()));
        }
        return byClient;
    }

    private static String ids(List<String> ids) {
        return Arrays.toString(ids.toArray());
    }
}
