package io.arbiter.app;

import io.arbiter.grid.GridOptions;
import io.arbiter.http.HttpOptions;
import io.arbiter.testing.ProjectDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A member that joins other members must share the durable store with them: the embedded one is refused. */
class SharedStoreTest {

    private static final Path CLUSTER = ProjectDir.path().resolve("cluster-config/cluster.yaml");
    private static final Path LOCAL = ProjectDir.path().resolve("cluster-config/local.yaml");

    @TempDir
    Path dir;

    private ServerConfig load(Path config, Path cluster, String storeUrl) {
        return ServerConfigLoader.load(new ServerConfigLoader.Overrides(config, null, null, cluster, "zone-a", null,
                null, dir.resolve("data"), null, storeUrl));
    }

    @Test
    void aClusterMemberOnTheEmbeddedStoreIsRefusedNamingTheKeyTheClusterFileAndWhy() {
        assertThatThrownBy(() -> load(null, CLUSTER, null)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("the command line: store.jdbcUrl: must be set")
                .hasMessageContaining(CLUSTER.toString()).hasMessageContaining("tcp-ip join")
                .hasMessageContaining("ledger").hasMessageContaining("reservations")
                .hasMessageContaining("--store-url").hasMessageContaining("bin/arbiter store");
    }

    @Test
    void theRefusalNamesTheConfigurationFileWhenOneWasGiven() throws IOException {
        Path node = Files.writeString(dir.resolve("node.yaml"), "cluster:\n  config: " + CLUSTER + "\n");

        assertThatThrownBy(() -> load(node, null, null)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(node + ": store.jdbcUrl: must be set");
    }

    @Test
    void aMulticastJoinIsRefusedToo() throws IOException {
        Path multicast = Files.writeString(dir.resolve("multicast.yaml"), """
                hazelcast:
                  network:
                    join:
                      multicast:
                        enabled: true
                """);

        assertThatThrownBy(() -> load(null, multicast, null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("multicast join");
    }

    @Test
    void aClusterMemberGivenTheSharedStoreUrlStartsWithIt() throws IOException {
        String url = "jdbc:postgresql://localhost:5999/arbiter?user=postgres";

        assertThat(load(null, CLUSTER, url).store().jdbcUrl()).isEqualTo(url);
        Path node = Files.writeString(dir.resolve("node.yaml"), "store:\n  jdbcUrl: jdbc:postgresql://db/a\n");
        assertThat(load(node, CLUSTER, null).store().jdbcUrl()).isEqualTo("jdbc:postgresql://db/a");
        assertThat(load(node, CLUSTER, url).store().jdbcUrl()).as("--store-url wins over the file").isEqualTo(url);
    }

    @Test
    void aSingleMemberKeepsTheEmbeddedStore() {
        assertThat(load(null, LOCAL, null).store().embedded()).isTrue();
    }

    @Test
    void aNodeConfiguredInCodeIsRefusedBeforeItStartsAnything() {
        ServerConfig config = new ServerConfig(new HttpOptions("127.0.0.1", 0, ServerConfig.DEFAULT_MAX_BODY,
                ServerConfig.DEFAULT_MAX_FRAME), new GridOptions(CLUSTER, "zone-a", Duration.ofHours(1)),
                dir.resolve("data"), ProjectDir.path().resolve("rules"),
                ProjectDir.path().resolve("policies/default.yaml"));

        assertThatThrownBy(() -> ArbiterNode.start(config, Clock.systemUTC())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("store.jdbcUrl: must be set");
        assertThat(dir.resolve("data")).as("nothing started, not even the data folder").doesNotExist();
    }
}
