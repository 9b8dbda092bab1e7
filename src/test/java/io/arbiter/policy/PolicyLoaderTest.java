package io.arbiter.policy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PolicyLoaderTest {

    private static PolicyValidationException refusal(String text, PolicyFormat format) {
        return catchThrowableOfType(PolicyValidationException.class, () -> PolicyLoader.parse(text, format));
    }

    @Test
    void theDefaultPolicyFileSpellsOutTheBuiltInDefaults() throws Exception {
        PolicyDocument loaded = PolicyLoader.load(Path.of("policies/default.yaml"));

        assertThat(loaded.policy()).isEqualTo(Policy.DEFAULTS);
        assertThat(loaded.version()).isEqualTo(PolicyDocument.defaults().version());
    }

    @Test
    void everyBadValueIsReportedWithItsFieldAndLine() {
        String yaml = """
                weights:
                  usage: 1.5
                  sla: -0.1
                interruption:
                  gracePeriod: soon
                penalty:
                  currency: euro
                """;

        PolicyValidationException e = refusal(yaml, PolicyFormat.YAML);

        assertThat(e.errors()).extracting(PolicyError::toString).containsExactlyInAnyOrder(
                "weights.usage: must be between 0 and 1",
                "weights.sla: must be between 0 and 1",
                "interruption.gracePeriod: must be a positive ISO-8601 duration such as PT30S, PT1H or P30D",
                "penalty.currency: must be a three-letter ISO-4217 code such as EUR");
        assertThat(e.errors()).filteredOn(err -> err.field().equals("weights.usage"))
                .extracting(PolicyError::line).containsExactly(2);
        assertThat(e.errors()).filteredOn(err -> err.field().equals("penalty.currency"))
                .extracting(PolicyError::line).containsExactly(7);
    }

    @Test
    void anUnknownKeyIsRefusedAndTheKnownKeysAreNamed() {
        PolicyValidationException e = refusal("{\"weights\": {\"loyalty\": 0.1}, \"colour\": \"red\"}",
                PolicyFormat.JSON);

        assertThat(e.errors()).extracting(PolicyError::field).containsExactlyInAnyOrder("weights.loyalty", "colour");
        assertThat(e.errors().get(0).message())
                .startsWith("unknown key; known keys here are usage, sla, forecast, demand, payment");
    }

    @Test
    void aSectionThatIsNotAMappingIsRefused() {
        PolicyValidationException e = refusal("weights: 5\n", PolicyFormat.YAML);

        assertThat(e.errors()).extracting(PolicyError::toString).containsExactly("weights: must be a mapping of keys");
    }

    @Test
    void weightsThatAreAllZeroAreRefused() {
        PolicyValidationException e = refusal(
                "weights: {usage: 0, sla: 0, forecast: 0, demand: 0, payment: 0}", PolicyFormat.YAML);

        assertThat(e.errors()).extracting(PolicyError::toString)
                .containsExactly("weights: at least one weight must be above 0");
    }

    @Test
    void aDemandRangeMustRise() {
        PolicyValidationException e = refusal("demand: {signals: {queue: {min: 5, max: 5}}}", PolicyFormat.YAML);

        assertThat(e.errors()).extracting(PolicyError::toString)
                .containsExactly("demand.signals.queue: min must be below max");
    }

    @Test
    void aChoiceMustBeOneOfItsNames() throws Exception {
        PolicyValidationException e = refusal("demand: {combination: loudest}", PolicyFormat.YAML);

        assertThat(e.errors()).extracting(PolicyError::toString)
                .containsExactly("demand.combination: must be one of max, mean");
        assertThat(PolicyLoader.parse("demand: {combination: mean}", PolicyFormat.YAML).policy().demand()
                .combination()).isEqualTo(Policy.Demand.Combination.MEAN);
    }

    @Test
    void keysLeftOutTakeTheBuiltInDefaults() throws Exception {
        PolicyDocument doc = PolicyLoader.parse("{\"weights\": {\"usage\": 0.5}}", PolicyFormat.JSON);

        assertThat(doc.policy().weights().usage()).isEqualTo(0.5);
        assertThat(doc.policy().weights().sla()).isEqualTo(Policy.DEFAULTS.weights().sla());
        assertThat(doc.policy().interruption()).isEqualTo(Policy.DEFAULTS.interruption());
    }

    @Test
    void demandSignalsNamedInADocumentReplaceTheDefaultSignals() throws Exception {
        PolicyDocument doc = PolicyLoader.parse("demand: {signals: {queueDepth: {min: 0, max: 50}}}",
                PolicyFormat.YAML);

        assertThat(doc.policy().demand().signals()).containsOnlyKeys("queueDepth");
    }

    @Test
    void theBodyOfGetCanBePutBackAsItIs() throws Exception {
        PolicyDocument original = PolicyLoader.parse("penalty: {duration: P30D, amount: \"12.50\"}",
                PolicyFormat.YAML);

        PolicyDocument again = PolicyLoader.parse(original.toJson(), PolicyFormat.JSON);

        assertThat(again).isEqualTo(original);
        assertThat(original.toJson()).startsWith("{\"version\":\"" + original.version() + "\",\"weights\":")
                .contains("\"amount\":\"12.50\"", "\"duration\":\"PT720H\"", "\"combination\":\"max\"");
    }

    @Test
    void theVersionDependsOnContentOnly() throws Exception {
        PolicyDocument a = PolicyLoader.parse("usage: {halfLife: PT6H}", PolicyFormat.YAML);
        PolicyDocument b = PolicyLoader.parse("{\"usage\": {\"halfLife\": \"PT360M\"}}", PolicyFormat.JSON);
        PolicyDocument c = PolicyLoader.parse("usage: {halfLife: PT7H}", PolicyFormat.YAML);

        assertThat(a.version()).hasSize(12).isEqualTo(b.version()).isNotEqualTo(c.version());
        assertThat(c.policy().usage().halfLife()).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void malformedYamlIsReportedWithItsLine() {
        PolicyValidationException e = refusal("weights:\n  usage: 0.1\n   sla: [\n", PolicyFormat.YAML);

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.message()).startsWith("malformed YAML at line 3");
            assertThat(err.line()).isEqualTo(3);
        });
    }

    @Test
    void anEmptyDocumentIsRefused() {
        assertThatThrownBy(() -> PolicyLoader.parse("# nothing\n", PolicyFormat.YAML))
                .isInstanceOf(PolicyValidationException.class).hasMessage("the policy document is empty");
    }

    @Test
    void aDuplicateKeyIsRefused() {
        PolicyValidationException e = refusal("{\"weights\": {\"sla\": 0.1, \"sla\": 0.2}}", PolicyFormat.JSON);

        assertThat(e.errors()).singleElement().extracting(PolicyError::message).asString()
                .contains("Duplicate field 'sla'");
    }
}
