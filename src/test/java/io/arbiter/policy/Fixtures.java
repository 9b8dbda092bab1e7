package io.arbiter.policy;

import io.arbiter.domain.ClientFactors;
import io.arbiter.domain.Factor;
import io.arbiter.domain.SlaTier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Shared test material: the project's rules and policy, copies of them, and clients to score. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Path RULES = Path.of("rules");
    static final Path POLICY = Path.of("policies/default.yaml");

    private static CompiledRules projectRules;

    private Fixtures() {
    }

    /** The project's rules/ compiled once for the whole test run. */
    static synchronized CompiledRules projectRules() {
        if (projectRules == null) {
            try {
                projectRules = new RuleCompiler(CLOCK).compile(RULES);
            } catch (RuleCompilationException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
        return projectRules;
    }

    /** A copy of the project's rules/ folder as {@code parent/rules}. */
    static Path copyOfRules(Path parent) {
        try {
            Path dir = Files.createDirectories(parent.resolve("rules"));
            try (var files = Files.list(RULES)) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client with every factor at {@code value} except sla, which takes its tier's default value. */
    static ClientFactors client(String id, SlaTier tier, double value, long overdueDays) {
        double sla = Policy.DEFAULTS.slaTiers().valueOf(tier);
        return new ClientFactors(id, tier, List.of(
                new Factor("usage", value * 100, value),
                new Factor("sla", sla, sla),
                new Factor("forecast", value * 10, value),
                new Factor("demand", value * 1000, value),
                new Factor("payment", value, value)), overdueDays);
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
