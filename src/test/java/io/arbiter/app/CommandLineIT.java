package io.arbiter.app;

import io.arbiter.testing.ProjectDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/arbiter validate} and {@code bin/arbiter test} as policy authors run them. */
class CommandLineIT {

    private record Run(int exit, String output) {
    }

    private static Run arbiter(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProjectDir.path().resolve("bin/arbiter").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }

    private static Path copyOfRules(Path workDir) throws IOException {
        Path rules = Files.createDirectories(workDir.resolve("rules"));
        try (var files = Files.list(ProjectDir.path().resolve("rules"))) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        return rules;
    }

    @Test
    void validateAcceptsTheShippedRulesAndPolicy(@TempDir Path workDir) throws Exception {
        Run run = arbiter(workDir, "validate");

        assertThat(run.exit()).as(run.output()).isZero();
    }

    @Test
    void validateNamesTheFileAndLineOfABrokenRule(@TempDir Path workDir) throws Exception {
        Path rules = copyOfRules(workDir);
        Path cvs = rules.resolve("cvs.drl");
        List<String> lines = new ArrayList<>(Files.readAllLines(cvs));
        int broken = lines.indexOf(lines.stream().filter(l -> l.trim().startsWith("Weight(")).findFirst().orElseThrow());
        lines.set(broken, "    Weight($factor : factor,, $share : share)");
        Files.write(cvs, lines);

        Run run = arbiter(workDir, "validate", "--rules", "rules");

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("rules/cvs.drl:" + (broken + 1) + ":");
    }

    @Test
    void validateNamesEachBadPolicyFieldWithItsLine(@TempDir Path workDir) throws Exception {
        Files.writeString(workDir.resolve("p.yaml"), "score:\n  epsilon: 0.01\nweights:\n  usage: -1\n");

        Run run = arbiter(workDir, "validate", "--policy", "p.yaml");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("p.yaml:4: weights.usage:");
    }

    @Test
    void testRunsTheShippedScenariosAndReportsTheCounts(@TempDir Path workDir) throws Exception {
        Run run = arbiter(workDir, "test");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    @Test
    void testPrintsEachFailureWithItsFileAndScenarioAndExitsOne(@TempDir Path workDir) throws Exception {
        Path scenarios = Files.createDirectories(workDir.resolve("scenarios"));
        Files.writeString(scenarios.resolve("wrong.yaml"), """
                - name: a gold client is not worth 0.9
                  events:
                    - {id: c1, type: client.registered, clientId: acme, name: Acme, slaTier: gold}
                  expect:
                    cvs:
                      acme: [0.89, 0.91]
                """);

        Run run = arbiter(workDir, "test", "scenarios");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("wrong.yaml").contains("a gold client is not worth 0.9")
                .containsPattern("(?m)^0 passed, 1 failed$");
    }
}
