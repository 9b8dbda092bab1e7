package io.arbiter.http;

import io.arbiter.testing.Browser;
import io.arbiter.testing.Http;
import io.arbiter.testing.ProjectDir;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.arbiter.testing.Events.client;
import static io.arbiter.testing.Events.instance;
import static io.arbiter.testing.Events.platform;
import static io.arbiter.testing.Events.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator console in a real browser (Debian's Chromium, headless) against a real node. Each
 * view's screenshot goes to {@code target/console-screenshots/}, or with
 * {@code -Darbiter.screenshots=docs/console} to where the README shows it. The tests run in
 * order because they share one node and its policy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final String PLATFORM = "rack-7";

    private static Path rules;
    private static TestNode node;
    private static Http http;
    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        rules = Files.createTempDirectory("arbiter-console-rules-");
        try (Stream<Path> files = Files.list(ProjectDir.path().resolve("rules"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        node = TestNode.builder().rules(rules).start();
        http = node.http();
        String hourAgo = Instant.now().minusSeconds(3600).toString();
        JsonArray events = new JsonArray().add(client("c1", "steady", "silver")).add(client("c2", "premium", "gold"))
                .add(payment("pay1", "steady", "2026-10-28T00:00:00Z")).add(payment("pay2", "premium", "2026-11-10T00:00:00Z"))
                .add(platform("p1", PLATFORM, 16, 64)).add(client("c3", "spot", "bronze"))
                .add(platform("p2", "rack-8", 64, 256)).add(client("c4", "anchor", "platinum"))
                .add(instance("i4", "db-1", "anchor", "rack-8", "uninterruptible", 24, 96).put("time", hourAgo))
                .add(instance("i5", "web-1", "premium", "rack-8", "interruptible", 8, 16).put("time", hourAgo));
        for (int n = 1; n <= 3; n++) {
            events.add(instance("i" + n + "-spot", "batch-" + n, "spot", PLATFORM, "interruptible", 4, 8).put("time", hourAgo));
        }
        for (int n = 0; n < 12; n++) {
            events.add(usage("u" + n, "db-1", 12 + n % 4, 60, 50)
                    .put("time", Instant.now().minusSeconds(3300 - 300L * n).toString()));
        }
        assertThat(http.events(events.encode()).status()).isEqualTo(202);
        await().atMost(30, TimeUnit.SECONDS).until(() -> apiOrder().size() == 4);
        browser = Browser.open(node);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        node.close();
        try (Stream<Path> files = Files.list(rules)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(rules);
    }

    private static JsonObject payment(String id, String clientId, String paidDate) {
        return new JsonObject().put("id", id).put("type", "payment").put("clientId", clientId)
                .put("invoiceId", id).put("amount", "300.00").put("currency", "EUR")
                .put("dueDate", "2026-11-01T00:00:00Z").put("paidDate", paidDate);
    }

    private static List<String> apiOrder() {
        return http.get("/v1/clients?order=cvs&limit=10").json().getJsonArray("clients").stream()
                .map(c -> ((JsonObject) c).getString("clientId")).toList();
    }

    private static List<String> only(List<String> order, String... ids) {
        return order.stream().filter(List.of(ids)::contains).toList();
    }

    private static String policyVersion() {
        return http.get("/v1/policy").json().getString("version");
    }

    @Test
    @Order(1)
    void theClientsAreListedLowestValueFirstWithTheirFactorsTierAndPaymentState() {
        browser.view("clients");

        assertThat(browser.attributes("#client-list tr", "data-client-id")).isEqualTo(apiOrder());
        assertThat(browser.find("tr[data-client-id='premium']").getText()).contains("gold").contains("paid late");
        assertThat(browser.find("tr[data-client-id='steady']").getText()).contains("silver").contains("on time");
        assertThat(browser.all("tr[data-client-id='steady'] rect[data-factor]")).hasSizeGreaterThanOrEqualTo(2);
        browser.screenshot("clients");

        browser.view("clients/premium");
        assertThat(browser.attributes("#factor-table tr[data-factor]", "data-factor"))
                .contains("usage", "sla", "forecast", "demand", "payment");
        browser.view("clients/anchor");
        assertThat(browser.find("#usage-chart polyline[data-series='cpuMean']").getAttribute("points")).isNotBlank();
        assertThat(browser.find("#usage-chart line[data-series='projection']")).isNotNull();
        browser.scrollTo("#usage-chart");
        browser.screenshot("client");
    }

    @Test
    @Order(2)
    void thePlatformsShowCapacityAllocationInstancesByKindAndTheForecast() {
        browser.view("platforms");

        String card = browser.find("[data-platform-id='rack-8']").getText();
        assertThat(card).contains("32.0 allocated").contains("32.0 free").contains("Uninterruptible\n1");
        assertThat(browser.find("[data-platform-id='" + PLATFORM + "']").getText()).contains("Interruptible\n3");
        browser.screenshot("platforms");
    }

    @Test
    @Order(3)
    void anInvalidValueIsShownBesideItsFieldAndNothingChanges() {
        String version = policyVersion();
        List<String> order = apiOrder();
        browser.view("policy");

        browser.type("#field-weights-usage", "7");
        browser.type("#field-interruption-gracePeriod", "soon");
        browser.find("#policy-save").click();

        browser.await(d -> !d.findElement(By.cssSelector("#field-weights-usage-error")).getText().isEmpty());
        assertThat(browser.find("#field-weights-usage-error").getText()).contains("between 0 and 1");
        assertThat(browser.find("#field-interruption-gracePeriod-error").getText()).isNotBlank();
        assertThat(browser.find("[data-field='weights.sla'] .error").getText()).isEmpty();
        assertThat(browser.find("#policy-notices").getText()).contains("Nothing was saved");
        assertThat(policyVersion()).isEqualTo(version);
        assertThat(apiOrder()).isEqualTo(order);
        browser.screenshot("policy-invalid");
    }

    @Test
    @Order(4)
    void changingAWeightSwapsTwoClientsOnThePageAndInTheApi() {
        assertThat(only(apiOrder(), "premium", "steady")).containsExactly("premium", "steady");
        browser.view("policy");
        assertThat(only(browser.attributes("#policy-client-order li", "data-client-id"), "premium", "steady"))
                .containsExactly("premium", "steady");

        browser.type("#field-weights-sla", "0.9");
        browser.type("#field-weights-payment", "0.1");
        browser.find("#policy-save").click();

        browser.await(d -> d.findElement(By.cssSelector("#policy-notices")).getText().contains("Saved"));
        browser.await(d -> only(browser.attributes("#policy-client-order li", "data-client-id"), "premium", "steady")
                .equals(List.of("steady", "premium")));
        assertThat(only(apiOrder(), "premium", "steady")).containsExactly("steady", "premium");
        assertThat(browser.find("#policy-version").getText()).isEqualTo(policyVersion());
        browser.screenshot("policy");

        browser.view("clients");
        assertThat(only(browser.attributes("#client-list tr", "data-client-id"), "premium", "steady"))
                .containsExactly("steady", "premium");
    }

    @Test
    @Order(5)
    void aStaleSaveIsExplainedWithAReloadAndOverwritesNothing() {
        browser.view("policy");
        JsonObject meanwhile = http.get("/v1/policy").json();
        meanwhile.getJsonObject("interruption").put("threshold", 0.45);
        Http.Answer put = http.send(HttpRequest.newBuilder(http.uri("/v1/policy"))
                .header("Content-Type", "application/json").header("If-Match", "\"" + meanwhile.getString("version") + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString(meanwhile.encode())));
        assertThat(put.status()).isEqualTo(200);

        browser.type("#field-interruption-threshold", "0.35");
        browser.find("#policy-save").click();

        browser.await(d -> d.findElement(By.cssSelector("#policy-notices")).getText().contains("changed the policy"));
        assertThat(http.get("/v1/policy").json().getJsonObject("interruption").getDouble("threshold")).isEqualTo(0.45);
        browser.find("#policy-reload").click();
        browser.await(d -> "0.45".equals(d.findElement(By.cssSelector("#field-interruption-threshold")).getAttribute("value")));
        assertThat(browser.find("#policy-version").getText()).isEqualTo(policyVersion());
    }

    @Test
    @Order(6)
    void aContentionEventShowsUpInTheLiveFeedAndOpensToItsExplanation() {
        browser.view("decisions");
        browser.await(d -> "connected".equals(d.findElement(By.cssSelector("#feed-state")).getText()));

        JsonObject contention = new JsonObject().put("id", "k-1").put("type", "contention").put("platformId", PLATFORM)
                .put("reason", "capacity").put("severity", "normal")
                .put("need", new JsonObject().put("cpu", 12).put("memoryGiB", 0));
        assertThat(http.events(contention.encode()).status()).isEqualTo(202);

        String row = "#decision-list tr[data-decision-id]";
        browser.await(d -> d.findElements(By.cssSelector(row)).stream().anyMatch(r -> r.getText().contains(PLATFORM)));
        browser.await(d -> d.findElement(By.cssSelector(row)).getText().contains("stopped"));
        browser.screenshot("decisions");

        String decisionId = browser.find(row).getAttribute("data-decision-id");
        browser.find(row).click();
        browser.await(d -> !d.findElements(By.cssSelector("main[data-view='decisions'][data-ready='true'] #victims")).isEmpty());
        assertThat(browser.find("#rules-fired").getText()).contains("Interrupt only clients below the threshold");
        assertThat(browser.all("#victims tr[data-action-id]")).hasSize(2);
        assertThat(browser.find("#victims").getText()).contains("spot");
        assertThat(http.get("/v1/decisions/" + decisionId).status()).isEqualTo(200);
        browser.screenshot("decision");
    }

    @Test
    @Order(7)
    void aRuleFileThatDoesNotCompileIsNamedWithItsLineAndTheRulesInForceStay() throws IOException {
        String revision = http.get("/v1/rules").json().getString("revision");
        browser.view("rules");
        List<String> files;
        try (var listed = Files.list(rules)) {
            files = listed.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".drl")).sorted().toList();
        }
        assertThat(browser.attributes("#rule-files tr[data-file]", "data-file")).containsExactlyInAnyOrderElementsOf(files);
        Path broken = rules.resolve("broken.drl");
        Files.writeString(broken, "package arbiter.custom;\n\nrule \"Half written\"\nwhen\n    NoSuchFact()\nthen\nend\n");
        try {
            browser.find("#rules-reload").click();

            browser.find("#rule-errors");
            assertThat(browser.find("#rule-errors").getText()).contains("broken.drl");
            assertThat(browser.find("#rules-revision").getText()).isEqualTo(revision);
            browser.screenshot("rules");
        } finally {
            Files.delete(broken);
        }
        browser.await(d -> {
            if (d.findElement(By.cssSelector("#reload-result")).getText().contains("Reloaded")) {
                return true;
            }
            if (d.findElement(By.cssSelector("#rules-reload")).isEnabled()) {
                d.findElement(By.cssSelector("#rules-reload")).click();
            }
            return false;
        });
        assertThat(http.get("/v1/rules").json().getString("revision")).isEqualTo(revision);
    }
}
