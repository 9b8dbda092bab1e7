/**
 * Policy: the editable part of Arbiter — the policy document (CVS weights and the parameters of
 * the rules), the rule files of {@code rules/}, and the Drools sessions that run them. The only
 * package that imports {@code org.kie} or {@code org.drools}; none of their types appears in its
 * public API.
 *
 * <p>Flow: {@link io.arbiter.policy.PolicyLoader} (YAML or JSON → validated
 * {@link io.arbiter.policy.Policy}, every problem with its key and line) and
 * {@link io.arbiter.policy.RuleCompiler} (every {@code *.drl} → {@link io.arbiter.policy.CompiledRules},
 * problems as {@code file:line: message}) → {@link io.arbiter.policy.PolicyEngine} (the pair in
 * force, swapped atomically on {@code PUT /v1/policy}, {@code POST /v1/rules/reload} or a saved rule
 * file seen by {@link io.arbiter.policy.RuleWatcher}) → {@link io.arbiter.policy.CvsScorer} (one
 * session per batch: factors and weights in, explained {@link io.arbiter.domain.ClientScore}s out)
 * → {@link io.arbiter.policy.ScoreChanges} (the epsilon rule: no churn).
 *
 * <p>For the command line: {@link io.arbiter.policy.PolicyValidation} ({@code arbiter validate}) and
 * {@link io.arbiter.policy.ScenarioRunner} ({@code arbiter test}), which runs the scenarios of
 * {@code policies/tests/} through a {@link io.arbiter.policy.FactorSource}.
 *
 * <p>House rule: rules only insert facts ({@link io.arbiter.policy.CvsFacts}); Java reads them after
 * {@code fireAllRules()}. May import {@code domain}, {@code scoring}, and {@code ingest}'s
 * {@code EventDecoder} (scenarios decode events exactly as {@code POST /v1/events} does).
 */
package io.arbiter.policy;
