package io.arbiter.app;

import io.arbiter.ledger.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code store} section of the server configuration. */
class StoreConfigTest {

    @TempDir
    Path dir;

    private ServerConfig load(String yaml) throws IOException {
        return ConfigFiles.load(dir, yaml);
    }

    @Test
    void withNoStoreSectionTheStoreIsTheEmbeddedOne() throws IOException {
        assertThat(load("dataDir: x\n").store()).isEqualTo(StoreOptions.EMBEDDED);
    }

    @Test
    void aConfiguredServerTakesItsPasswordFromTheNamedEnvironmentVariableOnly() throws IOException {
        StoreOptions store = load("store:\n  jdbcUrl: jdbc:postgresql://db:5432/arbiter\n  user: arbiter\n"
                + "  passwordEnv: HOME\n  poolSize: 3\n").store();

        assertThat(store.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/arbiter");
        assertThat(store.user()).isEqualTo("arbiter");
        assertThat(store.password()).isEqualTo(System.getenv("HOME"));
        assertThat(store.poolSize()).isEqualTo(3);
        assertThat(store.toString()).doesNotContain(System.getenv("HOME")).contains("password=(set)");
    }

    @Test
    void aUrlThatIsNotPostgresqlIsRefusedNamingTheFileAndTheKey() {
        assertThatThrownBy(() -> load("store:\n  jdbcUrl: jdbc:mysql://db/arbiter\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("node.yaml")
                .hasMessageContaining("store.jdbcUrl").hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void aPasswordKeyInTheFileIsRefused() {
        assertThatThrownBy(() -> load("store:\n  jdbcUrl: jdbc:postgresql://db/a\n  password: secret\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("store.password: unknown key")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aUserWithoutAServerIsRefused() {
        assertThatThrownBy(() -> load("store:\n  user: arbiter\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("store.user");
    }

    @Test
    void aPoolSizeOutOfRangeIsRefused() {
        assertThatThrownBy(() -> load("store:\n  jdbcUrl: jdbc:postgresql://db/a\n  poolSize: 0\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("store.poolSize");
    }
}
