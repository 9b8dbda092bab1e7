package io.arbiter.policy;

import io.arbiter.domain.ClientFactors;
import io.arbiter.domain.ClientScore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The rules and policy in force, swapped atomically as one {@link Snapshot}: a reload of the rules
 * folder or a new policy replaces it whole, or not at all when invalid, so a scoring that took a
 * snapshot never sees half of a change. Listeners hear of every swap that changed something (so the
 * server can re-score every client).
 *
 * <pre>
 * PolicyEngine engine = PolicyEngine.start(Path.of("rules"), Path.of("policies/default.yaml"), clock);
 * engine.addListener(snapshot -&gt; rescoreEveryClient());
 * List&lt;ClientScore&gt; scores = engine.score(factors, clock.instant());
 * </pre>
 */
public final class PolicyEngine {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyEngine.class);

    /** Rules and policy that are in force together. */
    public record Snapshot(CompiledRules rules, PolicyDocument policy) {
        public Snapshot {
            Objects.requireNonNull(rules, "rules");
            Objects.requireNonNull(policy, "policy");
        }
    }

    private final Path rulesDir;
    private final RuleCompiler compiler;
    private final AtomicReference<Snapshot> state;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Object reloading = new Object();

    /** An engine with rules and policy already loaded; {@link #reloadRules()} reads {@code rulesDir}. */
    public PolicyEngine(Path rulesDir, RuleCompiler compiler, CompiledRules rules, PolicyDocument policy) {
        this.rulesDir = Objects.requireNonNull(rulesDir, "rulesDir");
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.state = new AtomicReference<>(new Snapshot(rules, policy));
    }

    /** Compiles {@code rulesDir}, loads {@code policyFile}, and puts both in force. */
    public static PolicyEngine start(Path rulesDir, Path policyFile, Clock clock)
            throws RuleCompilationException, PolicyValidationException {
        PolicyDocument policy = PolicyLoader.load(policyFile);
        RuleCompiler compiler = new RuleCompiler(clock);
        CompiledRules rules = compiler.compile(rulesDir);
        List<String> problems = SampleScoring.problems(rules, policy, rulesDir);
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return new PolicyEngine(rulesDir, compiler, rules, policy);
    }

    /** The rules and policy in force. */
    public Snapshot current() {
        return state.get();
    }

    /** The folder {@link #reloadRules()} compiles. */
    public Path rulesDir() {
        return rulesDir;
    }

    /** Scores {@code clients} with the rules and policy in force (see {@link CvsScorer}). */
    public List<ClientScore> score(List<ClientFactors> clients, Instant now) {
        Snapshot s = current();
        return CvsScorer.score(s.rules(), s.policy(), clients, now);
    }

    /**
     * Recompiles the rules folder and puts the result in force; when its files have the revision
     * already in force nothing is compiled. On any problem the rules in force stay.
     */
    public RuleReload reloadRules() {
        synchronized (reloading) {
            Snapshot before = current();
            CompiledRules rules;
            try {
                RuleSources sources = RuleSources.read(rulesDir);
                if (sources.revision().equals(before.rules().revision())) {
                    return new RuleReload.Reloaded(before.rules(), false);
                }
                rules = compiler.compile(sources);
            } catch (RuleCompilationException e) {
                return new RuleReload.Failed(e.problems(), before.rules());
            }
            List<String> problems = SampleScoring.problems(rules, before.policy(), rulesDir);
            if (!problems.isEmpty()) {
                return new RuleReload.Failed(problems, before.rules());
            }
            Snapshot after = state.updateAndGet(s -> new Snapshot(rules, s.policy()));
            notifyListeners(after);
            return new RuleReload.Reloaded(rules, true);
        }
    }

    /** Puts {@code policy} in force as it is (for instance, when another member applied it). */
    public void applyPolicy(PolicyDocument policy) {
        Snapshot before = state.getAndUpdate(s -> new Snapshot(s.rules(), policy));
        if (!before.policy().version().equals(policy.version())) {
            notifyListeners(current());
        }
    }

    /**
     * Validates and applies the body of {@code PUT /v1/policy}.
     *
     * @param mediaType {@code application/json} or {@code application/yaml} (parameters allowed)
     * @param ifMatch the {@code If-Match} header: a version, quoted or not, or {@code *}; null applies
     *                unconditionally
     */
    public PolicyUpdate updatePolicy(String body, String mediaType, String ifMatch) {
        if (!current().policy().matches(ifMatch)) {
            return new PolicyUpdate.Stale(current().policy().version());
        }
        PolicyFormat format = PolicyFormat.fromMediaType(mediaType).orElse(null);
        if (format == null) {
            return new PolicyUpdate.Invalid(List.of(new PolicyError("",
                    "the media type must be application/json or application/yaml, not " + mediaType)));
        }
        PolicyDocument policy;
        try {
            policy = PolicyLoader.parse(body, format);
        } catch (PolicyValidationException e) {
            return new PolicyUpdate.Invalid(e.errors());
        }
        while (true) {
            Snapshot before = current();
            if (!before.policy().matches(ifMatch)) {
                return new PolicyUpdate.Stale(before.policy().version());
            }
            if (before.policy().version().equals(policy.version())) {
                return new PolicyUpdate.Applied(before.policy());
            }
            Snapshot after = new Snapshot(before.rules(), policy);
            if (state.compareAndSet(before, after)) {
                notifyListeners(after);
                return new PolicyUpdate.Applied(policy);
            }
        }
    }

    /**
     * Calls {@code listener} after each swap that changed the rules or the policy, on the thread
     * that made it. A listener that throws is logged and does not stop the others.
     */
    public void addListener(Consumer<Snapshot> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void notifyListeners(Snapshot snapshot) {
        for (Consumer<Snapshot> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                LOG.error("a listener of rule and policy changes failed", e);
            }
        }
    }
}
