package io.arbiter.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves the defaults {@code rules/}, {@code policies/…} and {@code cluster-config/…}: from the
 * current folder when it has them, otherwise from the project's own folder (the {@code arbiter.home}
 * property that {@code bin/arbiter} sets).
 */
final class ProjectPaths {

    private ProjectPaths() {
    }

    static Path home() {
        String home = System.getProperty("arbiter.home");
        return home == null ? Path.of("").toAbsolutePath() : Path.of(home);
    }

    /** {@code relative} in the current folder if it exists there, else in the project's folder. */
    static Path defaultPath(String relative) {
        Path here = Path.of(relative);
        return Files.exists(here) ? here.toAbsolutePath() : home().resolve(relative);
    }
}
