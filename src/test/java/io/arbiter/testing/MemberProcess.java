package io.arbiter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One Arbiter member in its own JVM, started with {@code bin/arbiter serve --cluster FILE --zone Z}
 * (which execs the JVM, so the process is the member), bound to 127.0.0.1, with its log in a file.
 * {@link #kill()} is {@code kill -9}.
 */
public final class MemberProcess implements AutoCloseable {

    /** Added to bin/arbiter's own JVM flags: members bind to loopback, and stay small. */
    private static final String JAVA_OPTS = "-Dhazelcast.local.localAddress=127.0.0.1 -Xmx768m -XX:+UseSerialGC";

    private final String zone;
    private final int port;
    private final Path dir;
    private final Path log;
    private final Process process;

    private MemberProcess(String zone, int port, Path dir, Path log, Process process) {
        this.zone = zone;
        this.port = port;
        this.dir = dir;
        this.log = log;
        this.process = process;
    }

    /** Starts a member of the cluster {@code clusterFile} describes, in {@code zone}, with HTTP on {@code port}. */
    public static MemberProcess start(Path workDir, Path clusterFile, String zone, int port) {
        try {
            Path dir = Files.createDirectories(workDir.resolve(zone));
            Path log = dir.resolve("member.log");
            ProcessBuilder builder = new ProcessBuilder(ProjectDir.path().resolve("bin/arbiter").toString(), "serve",
                    "--cluster", clusterFile.toString(), "--zone", zone, "--port", String.valueOf(port),
                    "--data", dir.resolve("data").toString(), "--router-port", "0")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("ARBITER_JAVA_OPTS", JAVA_OPTS);
            Process p = builder.start();
            return new MemberProcess(zone, port, dir, log, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String zone() {
        return zone;
    }

    public Http http() {
        return new Http(port);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * {@code kill -9}: the JVM dies at once, leaving the cluster nothing. Its embedded PostgreSQL,
     * a process of its own that outlives it, is stopped after.
     */
    public void kill() throws InterruptedException, IOException {
        NodeProcess.kill9(process);
        NodeProcess.stopLeftOverPostgres(dir.resolve("data/postgres"));
    }

    /** The member's log so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the member as SIGTERM does (cleanly, its PostgreSQL with it), forcibly after 30 s. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            NodeProcess.stopLeftOverPostgres(dir.resolve("data/postgres"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
