package io.arbiter.app;

import io.arbiter.policy.PolicyDocument;
import io.arbiter.policy.PolicyLoader;
import io.arbiter.policy.PolicyValidationException;
import io.arbiter.policy.RuleCompilationException;
import io.arbiter.policy.RuleCompiler;
import io.arbiter.policy.ScenarioReport;
import io.arbiter.policy.ScenarioRunner;
import io.arbiter.arbitration.ScenarioJudge;
import io.arbiter.policy.ScoringFactors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code arbiter test [DIR]}: runs the policy scenarios against the rules and policy. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs the policy scenarios (default policies/tests/); prints each failure with its file "
                + "and scenario, then 'N passed, N failed'. Exit 0 when all passed, 1 otherwise.")
final class TestCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "scenario folder (default policies/tests/)")
    Path dir;

    @Mixin
    PolicyPaths paths;

    @Override
    public Integer call() {
        Path scenarios = dir != null ? dir : ProjectPaths.defaultPath("policies/tests");
        Path rulesDir = paths.rulesDir();
        Path policyFile = paths.policyFile();
        ScenarioReport report;
        try {
            PolicyDocument base = PolicyLoader.load(policyFile);
            report = new ScenarioRunner(new RuleCompiler(Clock.systemUTC()).compile(rulesDir), base,
                    new ScoringFactors(), new ScenarioJudge()).run(scenarios);
        } catch (RuleCompilationException e) {
            e.problems().forEach(System.out::println);
            System.out.println("0 passed, 0 failed: the rules do not compile");
            return 1;
        } catch (PolicyValidationException e) {
            e.errors().forEach(error -> System.out.println(policyFile + ": " + error));
            System.out.println("0 passed, 0 failed: the policy is not valid");
            return 1;
        }
        report.failureLines().forEach(System.out::println);
        System.out.println(report.summary());
        return report.allPassed() ? 0 : 1;
    }
}
