package io.arbiter.app;

import io.arbiter.testing.ProjectDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/arbiter store} and a cluster member refused without a shared store, as a user runs them. */
class StoreCommandIT {

    @Test
    void storePrintsTheUrlOfAPostgresqlOnLoopbackThatKeepsItsDataAndStopsWithExitZeroOnSigterm(@TempDir Path work)
            throws Exception {
        Path data = work.resolve("shared");
        String url = runStore(work, data, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)");

        assertThat(url).startsWith("jdbc:postgresql://localhost:").endsWith("/arbiter?user=postgres");
        assertThat(data.resolve("postgres")).isDirectory();
        runStore(work, data, null);
    }

    /** Runs {@code store}, reads its URL, runs {@code sql} (or checks what the first run kept), stops it. */
    private static String runStore(Path work, Path data, String sql) throws Exception {
        Process store = new ProcessBuilder(ProjectDir.path().resolve("bin/arbiter").toString(), "store",
                "--data", data.toString()).directory(work.toFile())
                .redirectError(work.resolve("store.log").toFile()).start();
        try {
            String url = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(url).as(Files.readString(work.resolve("store.log"))).isNotNull();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                if (sql != null) {
                    s.execute(sql);
                } else {
                    try (ResultSet kept = s.executeQuery("SELECT n FROM kept")) {
                        assertThat(kept.next()).as("what the first run wrote is still there").isTrue();
                        assertThat(kept.getInt(1)).isEqualTo(7);
                    }
                }
            }
            store.destroy();
            assertThat(store.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(store.exitValue()).as(Files.readString(work.resolve("store.log"))).isZero();
            assertThat(Files.readString(work.resolve("store.log"))).contains("arbiter store: stopped");
            return url;
        } finally {
            store.destroyForcibly();
        }
    }

    @Test
    void aClusterMemberWithoutASharedStoreIsRefusedBeforeItStarts(@TempDir Path work) throws Exception {
        Process serve = new ProcessBuilder(ProjectDir.path().resolve("bin/arbiter").toString(), "serve",
                "--cluster", ProjectDir.path().resolve("cluster-config/cluster.yaml").toString(), "--zone", "zone-a",
                "--port", "0").directory(work.toFile()).redirectErrorStream(true).start();

        String output = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).as(output).isNotZero();
        assertThat(output).contains("store.jdbcUrl: must be set").contains("tcp-ip join").contains("--store-url");
        assertThat(work.resolve("data/postgres")).as("no embedded PostgreSQL was started").doesNotExist();
    }
}
