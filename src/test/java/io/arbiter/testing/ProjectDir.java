package io.arbiter.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's folder (tests run with it as their working folder) and the shared data beside it. */
public final class ProjectDir {

    private ProjectDir() {
    }

    /** The project folder. */
    public static Path path() {
        String configured = System.getProperty("arbiter.project.dir");
        Path dir = configured == null ? Path.of("").toAbsolutePath() : Path.of(configured);
        if (!Files.exists(dir.resolve("pom.xml"))) {
            throw new IllegalStateException("run the tests from the project folder; no pom.xml in " + dir);
        }
        return dir;
    }

    /** {@code ../shared/data/…} beside the project, where the real traces live. */
    public static Path sharedData(String relative) {
        return path().resolve("../shared/data").resolve(relative).normalize();
    }
}
