package io.arbiter.bench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Arbiter members in their own JVMs on 127.0.0.1, each started with {@code bin/arbiter serve}: one
 * with the single-member default, or several in zones with {@code cluster-config/cluster.yaml} on
 * free ports; all of them on the one database {@code --store-url} names, as a cluster requires.
 */
final class Members implements AutoCloseable {

    /** Added to bin/arbiter's own JVM flags. */
    private static final String JAVA_OPTS = "-Dhazelcast.local.localAddress=127.0.0.1 -Xmx1g";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    /**
     * Starts {@code count} members (1: the single-member default; more: a cluster, one zone each),
     * every one writing to the database at {@code storeUrl}.
     */
    static Members start(Path home, Path work, int count, String storeUrl) throws IOException, InterruptedException {
        Members m = new Members();
        List<Path> configs = count == 1 ? List.of(home.resolve("cluster-config/local.yaml")) : clusterFiles(home, work, count);
        for (int i = 0; i < count; i++) {
            int port = freePort();
            Path dir = Files.createDirectories(work.resolve("member-" + count + "-" + i));
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/arbiter").toString(), "serve",
                    "--cluster", configs.get(i).toString(), "--zone", "zone-" + i, "--port", String.valueOf(port),
                    "--data", dir.resolve("data").toString(), "--router-port", "0", "--store-url", storeUrl)
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("member.log").toFile());
            builder.environment().put("ARBITER_JAVA_OPTS", JAVA_OPTS);
            m.processes.add(builder.start());
            m.ports.add(port);
        }
        m.awaitCluster(count);
        return m;
    }

    List<Integer> ports() {
        return ports;
    }

    private void awaitCluster(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (ports.stream().allMatch(p -> clusterSize(p) == count)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(count + " member(s) did not form a cluster within 180 s; see their member.log");
    }

    private static int clusterSize(int port) {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/metrics")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return -1;
            }
            for (String line : r.body().split("\n")) {
                if (line.startsWith("arbiter_cluster_members ")) {
                    return (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
                }
            }
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    private static List<Path> clusterFiles(Path home, Path work, int count) throws IOException {
        String shipped = Files.readString(home.resolve("cluster-config/cluster.yaml"));
        List<Integer> grid = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            grid.add(freePort());
        }
        String list = String.join("\n", grid.stream().map(p -> "          - 127.0.0.1:" + p).toList());
        String common = shipped.replace("          - 127.0.0.1:5701\n          - 127.0.0.1:5702\n          - 127.0.0.1:5703",
                list).replace("auto-increment: true", "auto-increment: false");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path f = work.resolve("cluster-" + i + ".yaml");
            Files.writeString(f, common.replace("      port: 5701", "      port: " + grid.get(i)));
            files.add(f);
        }
        return files;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
