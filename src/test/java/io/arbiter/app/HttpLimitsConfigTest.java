package io.arbiter.app;

import io.arbiter.http.HttpOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The size limits of the {@code http} section of the server configuration (and the router's body
 * limit): {@code maxBodyBytes}
 * (4 MiB per request unless set) and {@code maxFrameBytes} (1 MiB per WebSocket message unless set).
 */
class HttpLimitsConfigTest {

    @TempDir
    Path dir;

    private HttpOptions load(String yaml) throws IOException {
        return ConfigFiles.load(dir, yaml).http();
    }

    @Test
    void withoutLimitsARequestMayHoldFourMebibytesAndAWebSocketMessageOne() throws IOException {
        for (String yaml : new String[]{"dataDir: x\n", "http:\n  port: 0\n"}) {
            HttpOptions http = load(yaml);

            assertThat(http.maxBodyBytes()).as(yaml).isEqualTo(4_194_304L).isEqualTo(ServerConfig.DEFAULT_MAX_BODY);
            assertThat(http.maxFrameBytes()).as(yaml).isEqualTo(1_048_576).isEqualTo(ServerConfig.DEFAULT_MAX_FRAME);
        }
    }

    @Test
    void limitsSetInTheFileAreTheLimitsInForce() throws IOException {
        HttpOptions http = load("http:\n  maxBodyBytes: 65536\n  maxFrameBytes: 8192\n");

        assertThat(http.maxBodyBytes()).isEqualTo(65_536L);
        assertThat(http.maxFrameBytes()).isEqualTo(8_192);
    }

    @Test
    void eachLimitIsSetOnItsOwnTheOtherKeepingItsDefault() throws IOException {
        assertThat(load("http:\n  maxBodyBytes: 65536\n").maxFrameBytes()).isEqualTo(ServerConfig.DEFAULT_MAX_FRAME);
        assertThat(load("http:\n  maxFrameBytes: 8192\n").maxBodyBytes()).isEqualTo(ServerConfig.DEFAULT_MAX_BODY);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "maxBodyBytes  | 4MiB", "maxBodyBytes  | '\"65536\"'", "maxBodyBytes  | 1.5", "maxBodyBytes  | [65536]",
        "maxFrameBytes | 1MiB", "maxFrameBytes | '\"8192\"'", "maxFrameBytes | 1.5", "maxFrameBytes | {bytes: 8192}"})
    void aLimitThatIsNotAWholeNumberIsRefusedNamingTheFileAndTheKey(String key, String value) {
        assertThatThrownBy(() -> load("http:\n  " + key + ": " + value + "\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("node.yaml").hasMessageContaining("http." + key)
                .hasMessageContaining("whole number");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {"maxBodyBytes | 0", "maxBodyBytes | -1", "maxFrameBytes | 0",
        "maxFrameBytes | -1", "maxBodyBytes | 1023"})
    void aLimitUnder1024BytesIsRefusedNamingTheKey(String key, String value) {
        assertThatThrownBy(() -> load("http:\n  " + key + ": " + value + "\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("node.yaml")
                .hasMessageContaining("http." + key + ": must be at least 1024 bytes");
    }

    @Test
    void aBodyLimitAbove2GiBCanBeSet() throws IOException {
        assertThat(load("http:\n  maxBodyBytes: 3000000000\n").maxBodyBytes()).isEqualTo(3_000_000_000L);
        assertThat(ConfigFiles.load(dir, "router:\n  maxBodyBytes: 3000000000\n").router().maxBodyBytes())
                .as("the router's").isEqualTo(3_000_000_000L);
    }

    @Test
    void aPortThatIsNoIntIsRefusedAsNotAWholeNumber() {
        assertThatThrownBy(() -> load("http:\n  port: 3000000000\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("node.yaml: http.port: must be a whole number");
    }
}
