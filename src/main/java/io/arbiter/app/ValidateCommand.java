package io.arbiter.app;

import io.arbiter.policy.PolicyValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code arbiter validate}: compiles every rule file and checks the policy, without a server. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Compiles every rule file and validates the policy; prints file:line: message for "
                + "each problem. Exit 0 when valid, 1 otherwise.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    PolicyPaths paths;

    @Override
    public Integer call() {
        Path rulesDir = paths.rulesDir();
        Path policyFile = paths.policyFile();
        List<String> problems = PolicyValidation.validate(rulesDir, policyFile);
        problems.forEach(System.out::println);
        if (problems.isEmpty()) {
            System.out.println("valid: " + rulesDir + " and " + policyFile);
            return 0;
        }
        System.out.println(problems.size() + " problem(s)");
        return 1;
    }
}
