package io.arbiter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Arbiter member in its own JVM, started with {@code bin/arbiter serve --cluster FILE --zone Z
 * --store-url URL} (which execs the JVM, so the process is the member), bound to 127.0.0.1 on free
 * HTTP and router ports, with its log in a file. Every member of a test cluster is given the same
 * database ({@link TestDatabase}), as a cluster requires. {@link #kill()} is {@code kill -9};
 * {@link #freeze()} and {@link #thaw()} are {@code kill -STOP} and {@code kill -CONT}: a frozen
 * member keeps its sockets open and answers nothing, so only the missing heartbeats tell the others.
 */
public final class MemberProcess implements AutoCloseable {

    /** Added to bin/arbiter's own JVM flags: members bind to loopback, and stay small. */
    private static final String JAVA_OPTS = "-Dhazelcast.local.localAddress=127.0.0.1 -Xmx768m -XX:+UseSerialGC";

    private final String name;
    private final String zone;
    private final int port;
    private final int routerPort;
    private final Path log;
    private final Process process;

    private MemberProcess(String name, String zone, int port, int routerPort, Path log, Process process) {
        this.name = name;
        this.zone = zone;
        this.port = port;
        this.routerPort = routerPort;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts member {@code name} of the cluster {@code clusterFile} describes, in {@code zone}, on the
     * database {@code storeUrl}, with its folder under {@code workDir}.
     */
    public static MemberProcess start(Path workDir, Path clusterFile, String name, String zone, String storeUrl) {
        try {
            Path dir = Files.createDirectories(workDir.resolve(name));
            Path log = dir.resolve("member.log");
            int port = FreePorts.one();
            int routerPort = FreePorts.one();
            ProcessBuilder builder = new ProcessBuilder(ProjectDir.path().resolve("bin/arbiter").toString(), "serve",
                    "--cluster", clusterFile.toString(), "--zone", zone, "--port", String.valueOf(port),
                    "--data", dir.resolve("data").toString(), "--router-port", String.valueOf(routerPort),
                    "--store-url", storeUrl)
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("ARBITER_JAVA_OPTS", JAVA_OPTS);
            return new MemberProcess(name, zone, port, routerPort, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The member's name in the test, e.g. {@code a1}. */
    public String name() {
        return name;
    }

    public String zone() {
        return zone;
    }

    public Http http() {
        return new Http(port);
    }

    /** The port of the member's built-in router on 127.0.0.1. */
    public int routerPort() {
        return routerPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: the JVM dies at once, its sockets closed, leaving the cluster nothing. */
    public void kill() throws InterruptedException {
        thaw();
        NodeProcess.kill9(process);
    }

    /** {@code kill -STOP}: the JVM stops running but stays, its connections open; nothing it holds is lost. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** {@code kill -CONT}: a frozen JVM runs on. */
    public void thaw() throws InterruptedException {
        try {
            signal("CONT");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void signal(String name) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -" + name + " " + process.pid()).isZero();
    }

    /** The member's log so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the member as SIGTERM does (cleanly), forcibly after 30 s; a frozen one is thawed first. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                thaw();
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (" + zone + ", HTTP " + port + ")";
    }
}
