package io.arbiter.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code *.drl} files of a rules folder (not its sub-folders), by name, with their revision:
 * a short hash of every file's name and content, so that equal files give an equal revision.
 */
record RuleSources(Path dir, List<Source> files, String revision) {

    /** One rule file's text. */
    record Source(String fileName, String displayName, String content) {
    }

    /** Reads the rule files of {@code dir}; a folder that cannot be read or has none is a problem. */
    static RuleSources read(Path dir) throws RuleCompilationException {
        String folder = SourceNames.ofFolder(dir);
        List<Path> paths;
        try (Stream<Path> listing = Files.list(dir)) {
            paths = listing.filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new RuleCompilationException(List.of(folder + ":1: cannot read the rules folder: " + e));
        }
        if (paths.isEmpty()) {
            throw new RuleCompilationException(List.of(folder + ":1: no rule files (*.drl) in " + dir));
        }
        List<Source> files = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (Path p : paths) {
            Source source = readOne(p);
            files.add(source);
            all.append(source.fileName()).append('\n').append(source.content().length()).append('\n')
                    .append(source.content());
        }
        return new RuleSources(dir, List.copyOf(files), Hashes.of(all.toString()));
    }

    private static Source readOne(Path file) throws RuleCompilationException {
        try {
            return new Source(file.getFileName().toString(), SourceNames.of(file), Files.readString(file));
        } catch (IOException e) {
            throw new RuleCompilationException(List.of(SourceNames.of(file) + ":1: cannot be read: " + e));
        }
    }
}
