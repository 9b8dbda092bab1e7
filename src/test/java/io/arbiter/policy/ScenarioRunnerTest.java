package io.arbiter.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.arbiter.policy.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

class ScenarioRunnerTest {

    private static final String TWO_CLIENTS = """
              events:
                - {id: c1, type: client.registered, clientId: acme, name: Acme, slaTier: platinum}
                - {id: c2, type: client.registered, clientId: bolt, name: Bolt, slaTier: bronze}
            """;

    @TempDir
    Path tmp;

    private ScenarioReport run(String yaml) {
        write(tmp.resolve("tests/scenarios.yaml"), yaml);
        return new ScenarioRunner(Fixtures.projectRules(), PolicyDocument.defaults(), new ScoringFactors())
                .run(tmp.resolve("tests"));
    }

    private static String file(Path tmp) {
        return tmp.resolve("tests/scenarios.yaml").toString();
    }

    @Test
    void aWrongExpectationIsAFailureThatSaysWhatDiffered() {
        ScenarioReport report = run("- name: bronze outranks platinum\n" + TWO_CLIENTS + """
                  expect:
                    order: [acme, bolt]
                    cvs: {bolt: [0.9, 1.0]}
                """);

        assertThat(report.summary()).isEqualTo("0 passed, 1 failed");
        assertThat(report.failureLines()).containsExactly(
                file(tmp) + ": bronze outranks platinum: cvs of bolt is 0.2750, expected between 0.9 and 1.0",
                file(tmp) + ": bronze outranks platinum: order: expected acme, bolt (lowest CVS first),"
                        + " got bolt (0.2750), acme (0.5000)");
    }

    @Test
    void passingAndFailingScenariosAreCountedApart() {
        ScenarioReport report = run("- name: right\n" + TWO_CLIENTS + "  expect: {order: [bolt, acme]}\n"
                + "- name: wrong\n" + TWO_CLIENTS + "  expect: {adjustedBy: {acme: Some rule}}\n");

        assertThat(report.summary()).isEqualTo("1 passed, 1 failed");
        assertThat(report.failureLines()).containsExactly(
                file(tmp) + ": wrong: adjustedBy: acme was adjusted by [], expected [Some rule]");
    }

    @Test
    void anUnknownExpectationIsAnError() {
        ScenarioReport report = run("- name: asks for colours\n" + TWO_CLIENTS + """
                  expect:
                    decisions: [{interrupt: [a1], colour: red}]
                    colour: blue
                """);

        assertThat(report.failureLines()).containsExactly(
                file(tmp) + ": asks for colours: expect.colour: unknown expectation; known expectations are cvs,"
                        + " order, adjustedBy, decisions",
                file(tmp) + ": asks for colours: expect.decisions[0].colour: unknown; known are interrupt, migrate, shortfall,"
                        + " excluded");
    }

    @Test
    void badEventsAndBadPolicyOverridesAreReportedByField() {
        ScenarioReport report = run("""
                - name: bad input
                  policy: {weights: {usage: 3}}
                  events:
                    - {id: c1, type: client.registered, clientId: acme, name: Acme, slaTier: diamond}
                    - {id: p1, type: payment, clientId: nobody, invoiceId: i, amount: "1", currency: EUR,
                       dueDate: "2026-01-01"}
                  expect: {cvs: {acme: [0, 1]}}
                """);

        assertThat(report.failureLines()).containsExactly(
                file(tmp) + ": bad input: policy.weights.usage: must be between 0 and 1",
                file(tmp) + ": bad input: events[0].slaTier: must be one of platinum, gold, silver, bronze",
                file(tmp) + ": bad input: events[1].clientId: unknown client 'nobody'");
    }

    @Test
    void aFileThatIsNotAListOfScenariosFailsAsAWhole() {
        ScenarioReport report = run("name: not a list\n");

        assertThat(report.failureLines()).containsExactly(file(tmp) + ": must be a YAML list of scenarios");
        assertThat(report.summary()).isEqualTo("0 passed, 1 failed");
    }
}
