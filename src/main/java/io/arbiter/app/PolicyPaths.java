package io.arbiter.app;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --rules} and {@code --policy} options of the verbs that read the policy without a server. */
final class PolicyPaths {

    @Option(names = "--rules", paramLabel = "DIR", description = "rule folder (default rules/)")
    Path rules;

    @Option(names = "--policy", paramLabel = "FILE", description = "policy file (default policies/default.yaml)")
    Path policy;

    Path rulesDir() {
        return rules != null ? rules : ProjectPaths.defaultPath("rules");
    }

    Path policyFile() {
        return policy != null ? policy : ProjectPaths.defaultPath("policies/default.yaml");
    }
}
