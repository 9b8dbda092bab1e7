package io.arbiter.policy;

import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles every {@code *.drl} file of a rules folder into one {@link CompiledRules}, or fails with
 * every problem as {@code file:line: message} (see {@link RuleCompilationException}). The line is
 * the DRL line Drools reports; a Java error in a rule's {@code then} is reported at the rule's first
 * line. Compiling takes 2–4 s the first time in a JVM and about 0.1–0.2 s after that.
 */
public final class RuleCompiler {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final Clock clock;

    /** @param clock gives each compiled revision its {@code loadedAt} */
    public RuleCompiler(Clock clock) {
        this.clock = clock;
    }

    /** Reads and compiles the rule files of {@code rulesDir}. */
    public CompiledRules compile(Path rulesDir) throws RuleCompilationException {
        return compile(RuleSources.read(rulesDir));
    }

    CompiledRules compile(RuleSources sources) throws RuleCompilationException {
        KieServices ks = KieServices.Factory.get();
        ClassLoader loader = RuleCompiler.class.getClassLoader();
        ReleaseId id = ks.newReleaseId("io.arbiter", "rules", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(id);
        Map<String, RuleSources.Source> byPath = new HashMap<>();
        for (RuleSources.Source source : sources.files()) {
            String path = packageFolder(source.content()) + source.fileName();
            kfs.write(RESOURCES + path, source.content());
            byPath.put(path, source);
        }
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs, loader).buildAll();
        } catch (RuntimeException e) {
            throw new RuleCompilationException(List.of(SourceNames.ofFolder(sources.dir())
                    + ":1: the rules could not be compiled: " + e));
        }
        List<String> problems = problems(builder.getResults().getMessages(Message.Level.ERROR), byPath, sources);
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        KieContainer container = ks.newKieContainer(id, loader);
        ks.getRepository().removeKieModule(id);
        Instant now = clock.instant();
        List<RuleFile> files = sources.files().stream().map(s -> new RuleFile(s.fileName(), now)).toList();
        return new CompiledRules(sources.revision(), files, now, container.getKieBase());
    }

    /** Where the file must sit for its {@code package} (Drools warns when folder and package differ). */
    private static String packageFolder(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    private static List<String> problems(List<Message> messages, Map<String, RuleSources.Source> byPath,
                                         RuleSources sources) {
        Set<String> problems = new LinkedHashSet<>();
        Set<String> filesWithLines = new LinkedHashSet<>();
        for (Message m : messages) {
            if (m.getLine() > 0) {
                filesWithLines.add(m.getPath());
            }
        }
        for (Message m : messages) {
            if (m.getLine() <= 0 && filesWithLines.contains(m.getPath())) {
                continue; // a follow-on ("Parser returned a null Package") of an error already reported
            }
            RuleSources.Source source = m.getPath() == null ? null : byPath.get(m.getPath());
            String file = source == null ? SourceNames.ofFolder(sources.dir()) : source.displayName();
            problems.add(file + ":" + Math.max(1, m.getLine()) + ": " + m.getText().replaceAll("\\s+", " ").trim());
        }
        return List.copyOf(problems);
    }
}
