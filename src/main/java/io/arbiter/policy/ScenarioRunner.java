package io.arbiter.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.domain.ClientScore;
import io.arbiter.domain.Event;
import io.arbiter.domain.FieldError;
import io.arbiter.ingest.EventDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs policy scenarios ({@code policies/tests/*.yaml}, format in {@link Scenario}): for each one,
 * applies its policy overrides to the base policy, decodes its events as {@code POST /v1/events}
 * would, turns them into factors with the {@link FactorSource}, scores every client with the rules,
 * and compares the scores with its expectations.
 *
 * <pre>
 * ScenarioRunner runner = new ScenarioRunner(new RuleCompiler(clock).compile(rulesDir),
 *         PolicyLoader.load(policyFile), new ScoringFactors());
 * ScenarioReport report = runner.run(Path.of("policies/tests"));
 * report.failureLines().forEach(System.out::println);
 * System.out.println(report.summary());       // "3 passed, 0 failed"
 * </pre>
 */
public final class ScenarioRunner {

    private final CompiledRules rules;
    private final PolicyDocument basePolicy;
    private final FactorSource factors;
    private final ContentionJudge judge;

    public ScenarioRunner(CompiledRules rules, PolicyDocument basePolicy, FactorSource factors) {
        this(rules, basePolicy, factors, null);
    }

    /** A runner that also decides contention events with {@code judge}. */
    public ScenarioRunner(CompiledRules rules, PolicyDocument basePolicy, FactorSource factors, ContentionJudge judge) {
        this.rules = rules;
        this.basePolicy = basePolicy;
        this.factors = factors;
        this.judge = judge;
    }

    /** Runs every {@code *.yaml} and {@code *.yml} file of {@code folder}, by name. */
    public ScenarioReport run(Path folder) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            return new ScenarioReport(List.of(new ScenarioResult(folder.toString(), null,
                    List.of("cannot read the scenario folder: " + e))));
        }
        List<ScenarioResult> results = new ArrayList<>();
        files.forEach(file -> results.addAll(runFile(file)));
        return new ScenarioReport(results);
    }

    /** Runs the scenarios of one file: a YAML list of scenarios. */
    public List<ScenarioResult> runFile(Path file) {
        String name = file.toString();
        JsonNode root;
        try {
            root = PolicyJson.YAML.readTree(file.toFile());
        } catch (JacksonException e) {
            return List.of(new ScenarioResult(name, null, List.of("malformed YAML: "
                    + e.getOriginalMessage().replaceAll("\\s+", " ").trim())));
        } catch (IOException e) {
            return List.of(new ScenarioResult(name, null, List.of("cannot be read: " + e)));
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            return List.of(new ScenarioResult(name, null, List.of("must be a YAML list of scenarios")));
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            Scenario scenario = Scenario.read(root.get(i), i);
            results.add(new ScenarioResult(name, scenario.name(), run(scenario)));
        }
        return results;
    }

    private List<String> run(Scenario scenario) {
        if (!scenario.problems().isEmpty()) {
            return scenario.problems();
        }
        List<String> problems = new ArrayList<>();
        PolicyDocument policy = policy(scenario, problems);
        ScenarioState state = state(scenario, problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            List<ClientScore> scores = CvsScorer.score(rules, policy, factors.factors(state, policy, scenario.now()),
                    scenario.now());
            Map<String, ClientScore> byClient = scores.stream()
                    .collect(Collectors.toMap(ClientScore::clientId, Function.identity()));
            List<String> failures = new ArrayList<>(scenario.expect().check(byClient));
            if (!state.contentions().isEmpty() || !scenario.expect().decisions().isEmpty()) {
                if (judge == null) {
                    failures.add("decisions: this runner has no arbitration to decide contentions with");
                } else {
                    failures.addAll(scenario.expect().checkDecisions(judge.decide(state, byClient, rules, policy,
                            scenario.now())));
                }
            }
            return failures;
        } catch (RuleEvaluationException e) {
            return List.of("the rules failed: " + e.getMessage());
        } catch (RuntimeException e) {
            return List.of("the clients could not be scored: " + e);
        }
    }

    private PolicyDocument policy(Scenario scenario, List<String> problems) {
        if (scenario.policy() == null) {
            return basePolicy;
        }
        try {
            return PolicyLoader.override(basePolicy.policy(), scenario.policy());
        } catch (PolicyValidationException e) {
            e.errors().forEach(error -> problems.add("policy." + error));
            return basePolicy;
        }
    }

    private static ScenarioState state(Scenario scenario, List<String> problems) {
        ScenarioState state = new ScenarioState();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < scenario.events().size(); i++) {
            Event event = EventDecoder.decode(scenario.events().get(i), i, scenario.now(), errors);
            String problem = event == null ? null : state.apply(event);
            if (problem != null) {
                problems.add("events[" + i + "]." + problem);
            }
            errors.forEach(e -> problems.add("events[" + e.index() + "]"
                    + (e.field().isEmpty() ? "" : "." + e.field()) + ": " + e.message()));
            errors.clear();
        }
        return state;
    }
}
