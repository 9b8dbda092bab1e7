package io.arbiter.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Server configurations loaded from YAML a test writes, as {@code bin/arbiter serve --config FILE} loads them. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /** Writes {@code yaml} to {@code node.yaml} in {@code dir} and loads it with no command-line option. */
    static ServerConfig load(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("node.yaml");
        Files.writeString(file, yaml);
        return ServerConfigLoader.load(new ServerConfigLoader.Overrides(file, null, null, null, null, null, null, null,
                null));
    }
}
