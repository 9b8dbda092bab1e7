package io.arbiter.actuation;

import io.arbiter.domain.Endpoint;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceKind;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.Resources;
import io.arbiter.domain.ShadowSlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator's live backends: real HTTP state that snapshot and restore move. */
class SimulatorBackendsTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Instance ORIGINAL = instance("i1", "p1", "shop");
    private static final Instance COPY = instance("i1-copy", "p2", "shop");
    private static final ShadowSlot SLOT = new ShadowSlot("s1", "p2", new Resources(4, 8));

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final SimulatorDriver driver = new SimulatorDriver(scheduler,
            SimulatorDriver.Behaviour.stopsAfter(Duration.ofSeconds(2)));

    @AfterEach
    void stopBackends() {
        driver.close();
    }

    private static Instance instance(String id, String platform, String service) {
        return new Instance(id, "c1", platform, InstanceKind.UNINTERRUPTIBLE, new Resources(1, 1), service,
                T0.minusSeconds(3600), InstanceState.RUNNING);
    }

    @Test
    void anInstanceWithAServiceServesAKeyValueStoreWhoseWritesBumpTheVersion() throws Exception {
        Endpoint at = driver.startBackend(ORIGINAL);

        assertThat(driver.startBackend(ORIGINAL)).as("starting twice keeps the same backend").isEqualTo(at);
        assertThat(send(at, "PUT", "/kv/a", "one").body()).isEqualTo("{\"key\":\"a\",\"version\":1}");
        assertThat(send(at, "PUT", "/kv/a", "two").headers().firstValue("X-Version")).hasValue("2");
        HttpResponse<String> read = send(at, "GET", "/kv/a", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("two");
        assertThat(read.headers().firstValue("X-Instance")).hasValue("i1");
        assertThat(send(at, "DELETE", "/kv/a", null).body()).contains("\"deleted\":true", "\"version\":3");
        assertThat(send(at, "GET", "/kv/a", null).statusCode()).isEqualTo(404);
        assertThat(send(at, "GET", "/health", null).body())
                .isEqualTo("{\"status\":\"up\",\"instanceId\":\"i1\",\"version\":3,\"keys\":0}");
        assertThat(endpoint(ORIGINAL)).isEqualTo(at);
    }

    @Test
    void aFullSnapshotRestoredIntoTheSlotCarriesEveryEntry() throws Exception {
        Endpoint original = driver.startBackend(ORIGINAL);
        send(original, "PUT", "/kv/a", "1");
        send(original, "PUT", "/kv/b", "2");

        Snapshot full = await(driver.snapshot(ORIGINAL, null));
        await(driver.restore(COPY, SLOT, full));

        assertThat(full.isDelta()).isFalse();
        assertThat(full.bytes()).isEqualTo(4);
        Endpoint copy = endpoint(COPY);
        assertThat(copy).isNotEqualTo(original);
        assertThat(send(copy, "GET", "/kv/a", null).body()).isEqualTo("1");
        assertThat(send(copy, "GET", "/kv/b", null).body()).isEqualTo("2");
        assertThat(send(copy, "GET", "/health", null).body()).contains("\"instanceId\":\"i1-copy\"", "\"version\":2");
    }

    @Test
    void aDeltaCarriesTheWritesAndDeletionsMadeAfterThePreCopy() throws Exception {
        Endpoint original = driver.startBackend(ORIGINAL);
        send(original, "PUT", "/kv/kept", "k");
        send(original, "PUT", "/kv/changed", "old");
        send(original, "PUT", "/kv/deleted", "d");
        Snapshot full = await(driver.snapshot(ORIGINAL, null));
        await(driver.restore(COPY, SLOT, full));

        send(original, "PUT", "/kv/changed", "new");
        send(original, "DELETE", "/kv/deleted", null);
        send(original, "PUT", "/kv/added", "a");
        send(original, "PUT", "/kv/gone", "g");
        send(original, "DELETE", "/kv/gone", null);
        Snapshot delta = await(driver.snapshot(ORIGINAL, full));
        await(driver.restore(COPY, SLOT, delta));

        assertThat(delta.isDelta()).isTrue();
        assertThat(delta.base()).isEqualTo(full.snapshotId());
        assertThat(delta.sequence()).isGreaterThan(full.sequence());
        Endpoint copy = endpoint(COPY);
        assertThat(send(copy, "GET", "/kv/kept", null).body()).isEqualTo("k");
        assertThat(send(copy, "GET", "/kv/changed", null).body()).isEqualTo("new");
        assertThat(send(copy, "GET", "/kv/added", null).body()).isEqualTo("a");
        assertThat(send(copy, "GET", "/kv/deleted", null).statusCode()).isEqualTo(404);
        assertThat(send(copy, "GET", "/kv/gone", null).statusCode()).isEqualTo(404);
        assertThat(send(copy, "GET", "/health", null).body()).contains("\"version\":8", "\"keys\":3");
        await(driver.restore(COPY, SLOT, delta));
        assertThat(send(copy, "GET", "/kv/changed", null).body()).as("a delta applied twice").isEqualTo("new");
    }

    @Test
    void terminationStopsTheBackendAndTheEndpointIsThenRefused() throws Exception {
        Endpoint at = driver.startBackend(ORIGINAL);

        await(driver.terminate(ORIGINAL));

        assertThatThrownBy(() -> send(at, "GET", "/health", null)).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> endpoint(ORIGINAL)).hasMessageContaining("instance i1 on p1 is not running");
    }

    @Test
    void aTerminationRetriedAfterAFailureAsksThePlatformAgainInsteadOfAnsweringTheOldFailure() throws Exception {
        driver.startBackend(ORIGINAL);
        driver.behave("i1", driver.behaviourOf("i1").withTerminate(true, false));
        assertThatThrownBy(() -> await(driver.terminate(ORIGINAL))).hasMessageContaining("simulated termination failure");
        assertThat(endpoint(ORIGINAL)).as("still running after the failed termination").isNotNull();

        driver.behave("i1", driver.behaviourOf("i1").withTerminate(false, false));
        await(driver.terminate(ORIGINAL));

        assertThatThrownBy(() -> endpoint(ORIGINAL)).hasMessageContaining("not running");
        assertThat(driver.calls()).containsExactly("terminate i1", "terminate i1");
    }

    @Test
    void aTerminationThatHangsNeverAnswersAndLeavesTheInstanceRunning() throws Exception {
        driver.startBackend(ORIGINAL);
        driver.behave("i1", driver.behaviourOf("i1").withTerminate(true, true));

        CompletionStage<Void> terminated = driver.terminate(ORIGINAL);
        scheduler.advance(Duration.ofHours(1));

        assertThat(terminated.toCompletableFuture()).isNotDone();
        assertThat(endpoint(ORIGINAL)).isNotNull();
    }

    @Test
    void anInstanceTerminatedOnceAndStartedAgainIsStoppedByTheNextTermination() throws Exception {
        await(driver.terminate(COPY));
        driver.startBackend(COPY);

        await(driver.terminate(COPY));

        assertThatThrownBy(() -> endpoint(COPY)).hasMessageContaining("not running");
    }

    @Test
    void aCompletedGracefulShutdownStopsTheBackendOnlyWhenTheSchedulerReachesIt() throws Exception {
        driver.startBackend(ORIGINAL);

        CompletionStage<Void> stopped = driver.shutdown(ORIGINAL, Duration.ofSeconds(30));
        assertThat(endpoint(ORIGINAL)).isNotNull();
        scheduler.advance(Duration.ofSeconds(2));

        assertThat(stopped.toCompletableFuture()).isCompleted();
        assertThatThrownBy(() -> endpoint(ORIGINAL)).hasMessageContaining("not running");
    }

    @Test
    void snapshotAndRestoreDelaysRunOnTheScheduler() throws Exception {
        driver.startBackend(ORIGINAL);
        driver.behave("i1", SimulatorDriver.Behaviour.stopsAfter(Duration.ofSeconds(2))
                .withSnapshot(Duration.ofSeconds(3), false)
                .withRestore(SimulatorDriver.OnRestore.COMPLETE, Duration.ofSeconds(4)));

        CompletableFuture<Snapshot> snapshot = driver.snapshot(ORIGINAL, null).toCompletableFuture();
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(snapshot).isNotDone();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(snapshot).isCompleted();
        CompletableFuture<Void> restored = driver.restore(COPY, SLOT, snapshot.get()).toCompletableFuture();
        scheduler.advance(Duration.ofSeconds(3));
        assertThat(restored).isNotDone();
        assertThatThrownBy(() -> endpoint(COPY)).hasMessageContaining("not running");
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(restored).isCompleted();
        assertThat(endpoint(COPY)).isNotNull();
    }

    @Test
    void aRestoreSetToHangNeverCompletesAndStartsNoCopy() throws Exception {
        driver.startBackend(ORIGINAL);
        driver.behave("i1", SimulatorDriver.Behaviour.stopsAfter(Duration.ofSeconds(2))
                .withRestore(SimulatorDriver.OnRestore.HANG, Duration.ZERO));
        Snapshot full = await(driver.snapshot(ORIGINAL, null));

        CompletableFuture<Void> restored = driver.restore(COPY, SLOT, full).toCompletableFuture();
        scheduler.advance(Duration.ofHours(1));

        assertThat(restored).isNotDone();
        assertThatThrownBy(() -> endpoint(COPY)).hasMessageContaining("not running");
        await(driver.terminate(COPY));
        assertThat(endpoint(ORIGINAL)).as("the original keeps serving").isNotNull();
    }

    @Test
    void aRestoreOrSnapshotSetToFailFailsWithTheReason() {
        driver.startBackend(ORIGINAL);
        driver.behave("i1", SimulatorDriver.Behaviour.stopsAfter(Duration.ofSeconds(2))
                .withRestore(SimulatorDriver.OnRestore.FAIL, Duration.ZERO));
        Snapshot full = await(driver.snapshot(ORIGINAL, null));

        assertThatThrownBy(() -> await(driver.restore(COPY, SLOT, full)))
                .hasMessageContaining("simulated restore failure of i1#").hasMessageContaining("into slot s1");
        driver.behave("i1", SimulatorDriver.Behaviour.stopsAfter(Duration.ofSeconds(2))
                .withSnapshot(Duration.ZERO, true));
        assertThatThrownBy(() -> await(driver.snapshot(ORIGINAL, null)))
                .hasMessageContaining("simulated snapshot failure of i1");
    }

    @Test
    void misuseIsRefusedWithAClearReason() {
        driver.startBackend(ORIGINAL);
        Snapshot full = await(driver.snapshot(ORIGINAL, null));
        Snapshot delta = await(driver.snapshot(ORIGINAL, full));

        assertThatThrownBy(() -> await(driver.restore(COPY, SLOT, delta)))
                .hasMessageContaining("no running copy of i1-copy on p2 to bring up to date");
        assertThatThrownBy(() -> await(driver.restore(instance("i1-copy", "p9", "shop"), SLOT, full)))
                .hasMessageContaining("must run on the slot's platform p2");
        assertThatThrownBy(() -> await(driver.restore(COPY, SLOT,
                new Snapshot("nope", "i1", 99, null, 0)))).hasMessageContaining("unknown snapshot nope");
        assertThatThrownBy(() -> endpoint(instance("i9", "p1", null))).hasMessageContaining("carries no service");
        assertThatThrownBy(() -> driver.startBackend(instance("i9", "p1", null)))
                .hasMessageContaining("carries no service");
    }

    @Test
    void anInstanceWithoutAServiceMigratesWithAnEmptySnapshot() {
        Instance plain = instance("i5", "p1", null);

        Snapshot full = await(driver.snapshot(plain, null));
        await(driver.restore(instance("i5", "p2", null), SLOT, full));

        assertThat(full.bytes()).isZero();
        assertThat(driver.calls()).containsExactly("snapshot i5", "restore i5 from " + full.snapshotId());
    }

    private Endpoint endpoint(Instance instance) throws Exception {
        try {
            return driver.endpoint(instance).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(Endpoint at, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + at + path)).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
