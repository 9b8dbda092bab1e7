package io.arbiter.policy;

import java.nio.file.Path;

/**
 * How problems name the files they are in: the file's folder and name, such as
 * {@code rules/cvs.drl} or {@code policies/default.yaml}, wherever the folder lies.
 */
final class SourceNames {

    private SourceNames() {
    }

    /** {@code folder/name} of {@code file}, or its name alone at the root. */
    static String of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        Path parent = absolute.getParent();
        if (name == null) {
            return absolute.toString();
        }
        return parent == null || parent.getFileName() == null ? name.toString() : parent.getFileName() + "/" + name;
    }

    /** The name of {@code folder} alone, for problems that belong to no single file in it. */
    static String ofFolder(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }
}
