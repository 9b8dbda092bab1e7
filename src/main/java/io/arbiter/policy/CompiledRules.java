package io.arbiter.policy;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A compiled revision of the rules folder: what {@code GET /v1/rules} shows (revision, files,
 * when loaded) and the compiled knowledge base sessions are made from. Immutable and safe to share
 * between threads; compiled once per revision.
 */
public final class CompiledRules {

    private final String revision;
    private final List<RuleFile> files;
    private final Instant loadedAt;
    private final KieBase kieBase;

    CompiledRules(String revision, List<RuleFile> files, Instant loadedAt, KieBase kieBase) {
        this.revision = Objects.requireNonNull(revision, "revision");
        this.files = List.copyOf(files);
        this.loadedAt = Objects.requireNonNull(loadedAt, "loadedAt");
        this.kieBase = Objects.requireNonNull(kieBase, "kieBase");
    }

    /** A short hash of the rule files' names and contents. */
    public String revision() {
        return revision;
    }

    /** The rule files, by name. */
    public List<RuleFile> files() {
        return files;
    }

    /** When this revision was compiled. */
    public Instant loadedAt() {
        return loadedAt;
    }

    /** A new session; the caller disposes of it. */
    KieSession newSession() {
        return kieBase.newKieSession();
    }

    @Override
    public String toString() {
        return "rules " + revision + " " + files.stream().map(RuleFile::name).toList();
    }
}
