package io.arbiter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Arbiter member in its own JVM, as {@code bin/arbiter serve --cluster FILE --zone Z} starts
 * it (the packaged jar, Hazelcast's JVM flags), bound to 127.0.0.1, with its log in a file.
 * {@link #kill()} is {@code kill -9}.
 */
public final class MemberProcess implements AutoCloseable {

    private static final List<String> JVM_FLAGS = List.of("--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "-Dhazelcast.phone.home.enabled=false", "-Dhazelcast.local.localAddress=127.0.0.1",
            "-Xmx768m", "-XX:+UseSerialGC");

    private final String zone;
    private final int port;
    private final Path log;
    private final Process process;

    private MemberProcess(String zone, int port, Path log, Process process) {
        this.zone = zone;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a member of the cluster {@code clusterFile} describes, in {@code zone}, with HTTP on {@code port}. */
    public static MemberProcess start(Path workDir, Path clusterFile, String zone, int port) {
        Path jar = ProjectDir.path().resolve("target/arbiter.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the integration tests with mvn verify");
        }
        try {
            Path dir = Files.createDirectories(workDir.resolve(zone));
            Path log = dir.resolve("member.log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_FLAGS);
            command.addAll(List.of("-Darbiter.home=" + ProjectDir.path(), "-jar", jar.toString(), "serve",
                    "--cluster", clusterFile.toString(), "--zone", zone, "--port", String.valueOf(port),
                    "--data", dir.resolve("data").toString()));
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new MemberProcess(zone, port, log, p);
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

    /** {@code kill -9}: the JVM dies at once, leaving the cluster nothing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("member in " + zone + " did not die");
        }
    }

    /** The member's log so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
