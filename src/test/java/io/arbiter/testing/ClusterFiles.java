package io.arbiter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Member configurations for tests, made from the shipped {@code cluster-config/cluster.yaml} with
 * only what a test must change: free ports instead of 5701-5703 (other builds on this machine run
 * members too) and shorter merge delays so that a healed split merges within the test.
 */
public final class ClusterFiles {

    private ClusterFiles() {
    }

    /** One configuration file per member, each listening on its own port of {@code ports} and listing all. */
    public static List<Path> write(Path dir, List<Integer> ports) {
        try {
            String shipped = Files.readString(ProjectDir.path().resolve("cluster-config/cluster.yaml"));
            String list = ports.stream().map(p -> "          - 127.0.0.1:" + p).reduce((a, b) -> a + "\n" + b)
                    .orElseThrow();
            String common = replace(shipped, "          - 127.0.0.1:5701\n          - 127.0.0.1:5702\n"
                    + "          - 127.0.0.1:5703", list);
            common = replace(common, "auto-increment: true", "auto-increment: false");
            common = replace(common, "hazelcast.merge.first.run.delay.seconds: 10",
                    "hazelcast.merge.first.run.delay.seconds: 3");
            common = replace(common, "hazelcast.merge.next.run.delay.seconds: 10",
                    "hazelcast.merge.next.run.delay.seconds: 3");
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < ports.size(); i++) {
                Path file = dir.resolve("member-" + i + ".yaml");
                Files.writeString(file, replace(common, "      port: 5701", "      port: " + ports.get(i)));
                files.add(file);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String replace(String text, String what, String with) {
        if (!text.contains(what)) {
            throw new IllegalStateException("cluster-config/cluster.yaml no longer contains: " + what);
        }
        return text.replace(what, with);
    }
}
