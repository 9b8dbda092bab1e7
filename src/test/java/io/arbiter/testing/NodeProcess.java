package io.arbiter.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real node JVM ({@code java … -jar target/arbiter.jar serve}) in a work folder of its own, its
 * output in a log file there: started, awaited, killed with SIGKILL, and its embedded PostgreSQL
 * cleaned up should a failure leave it running.
 */
public final class NodeProcess {

    private NodeProcess() {
    }

    /** Starts {@code serve --port port} in {@code workDir}: the JVM itself, no shell around it. */
    public static Process serve(Path workDir, int port, String log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("-Dhazelcast.")).forEach(command::add);
        command.addAll(List.of("-Darbiter.home=" + ProjectDir.path(), "-jar",
                ProjectDir.path().resolve("target/arbiter.jar").toString(), "serve", "--port", String.valueOf(port),
                "--router-port", "0"));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve(log).toFile()).start();
    }

    /** Waits until the node answers {@code /ready} with 200; fails at once with its log if it exits. */
    public static void awaitReady(Http http, Process node, Path log) {
        await().atMost(90, TimeUnit.SECONDS).ignoreExceptions().until(() -> {
            if (!node.isAlive()) {
                throw new AssertionError("the node exited: " + Files.readString(log));
            }
            return http.get("/ready").status() == 200;
        });
    }

    /** {@code kill -9} of the JVM, checked to be the JVM and to have died of SIGKILL. */
    public static void kill9(Process jvm) throws InterruptedException {
        assertThat(jvm.toHandle().info().command()).as("the process killed is the JVM itself")
                .hasValueSatisfying(c -> assertThat(Path.of(c).getFileName().toString()).isEqualTo("java"));
        jvm.destroyForcibly();
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    /** Stops the embedded PostgreSQL of {@code dataDir}, should a failure have left it running. */
    public static void stopLeftOverPostgres(Path dataDir) throws IOException {
        Path pid = dataDir.resolve("postmaster.pid");
        if (Files.exists(pid)) {
            Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim()));
            server.ifPresent(ProcessHandle::destroy);
        }
    }

}
