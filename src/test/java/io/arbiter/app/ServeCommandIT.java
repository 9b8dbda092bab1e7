package io.arbiter.app;

import io.arbiter.testing.FreePorts;
import io.arbiter.testing.Http;
import io.arbiter.testing.ProjectDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code bin/arbiter serve} as a user runs it: a real process, stopped by SIGTERM. */
class ServeCommandIT {

    @Test
    void serveAnswersOnLoopbackAndStopsCleanlyWithExitZeroOnSigterm(@TempDir Path workDir) throws Exception {
        int port = FreePorts.one();
        Path log = workDir.resolve("serve.log");
        Process serve = new ProcessBuilder(ProjectDir.path().resolve("bin/arbiter").toString(), "serve",
                "--port", String.valueOf(port), "--router-port", "0")
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Http http = new Http(port);
            await().atMost(60, TimeUnit.SECONDS).ignoreExceptions().until(() -> http.get("/ready").status() == 200);
            assertThat(http.events(client("serve-1", "serve-c", "gold").encode()).status()).isEqualTo(202);
            assertThat(workDir.resolve("data")).as("state under ./data of the current folder").isDirectory();

            serve.destroy();

            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
            assertThat(serve.exitValue()).as(Files.readString(log)).isZero();
            assertThat(Files.readString(log)).contains("listening on http://127.0.0.1:" + port).contains("Arbiter stopped");
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void aBadConfigurationFileIsRefusedNamingTheFileAndTheKey(@TempDir Path workDir) throws Exception {
        Path config = workDir.resolve("node.yaml");
        Files.writeString(config, "http:\n  prot: 9000\n");
        Process serve = new ProcessBuilder(ProjectDir.path().resolve("bin/arbiter").toString(), "serve",
                "--config", config.toString()).directory(workDir.toFile()).redirectErrorStream(true).start();

        String output = new String(serve.getInputStream().readAllBytes());

        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isNotZero();
        assertThat(output).contains(config.toString()).contains("http.prot").contains("unknown key");
    }

}
