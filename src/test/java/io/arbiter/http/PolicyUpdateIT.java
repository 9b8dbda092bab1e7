package io.arbiter.http;

import io.arbiter.testing.Http;
import io.arbiter.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.arbiter.testing.Events.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code PUT /v1/policy}: validated, versioned, applied while running, every client re-scored. */
class PolicyUpdateIT {

    private static TestNode node;
    private static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        http = node.http();
        JsonObject paidOnTime = new JsonObject().put("id", "pu-p1").put("type", "payment").put("clientId", "steady")
                .put("invoiceId", "s-1").put("amount", "300.00").put("currency", "EUR")
                .put("dueDate", "2026-11-01T00:00:00Z").put("paidDate", "2026-10-28T00:00:00Z");
        JsonObject paidLate = new JsonObject().put("id", "pu-p2").put("type", "payment").put("clientId", "premium")
                .put("invoiceId", "p-1").put("amount", "900.00").put("currency", "EUR")
                .put("dueDate", "2026-11-01T00:00:00Z").put("paidDate", "2026-11-10T00:00:00Z");
        http.events(new JsonArray().add(client("pu-c1", "steady", "silver")).add(client("pu-c2", "premium", "gold"))
                .add(paidOnTime).add(paidLate).encode());
        await().atMost(30, TimeUnit.SECONDS).until(() -> order().size() == 2);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static List<String> order() {
        return http.get("/v1/clients?order=cvs&limit=10").json().getJsonArray("clients").stream()
                .map(c -> ((JsonObject) c).getString("clientId")).toList();
    }

    private static Http.Answer put(String body, String ifMatch, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri("/v1/policy"))
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request);
    }

    private static String etag() {
        return http.send(HttpRequest.newBuilder(http.uri("/v1/policy")).GET()).json().getString("version");
    }

    @Test
    void aWeightChangeReordersTwoClientsAsSoonAsThePutAnswers() {
        assertThat(order()).containsExactly("premium", "steady");
        JsonObject policy = http.get("/v1/policy").json();
        String version = policy.getString("version");
        policy.getJsonObject("weights").put("sla", 0.9).put("payment", 0.1);

        Http.Answer answer = put(policy.encode(), "\"" + version + "\"", "application/json");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().getString("version")).isNotEqualTo(version);
        assertThat(answer.json().getInteger("rescored")).isEqualTo(2);
        assertThat(order()).containsExactly("steady", "premium");
        assertThat(http.get("/v1/clients/premium").json().getString("policyVersion"))
                .isEqualTo(answer.json().getString("version"));
        assertThat(http.get("/v1/clients?order=cvs&limit=10").json().getJsonArray("clients").stream()
                .map(c -> ((JsonObject) c).getString("policyVersion")).toList())
                .containsOnly(answer.json().getString("version"));
    }

    @Test
    void aStaleVersionIsRefusedWith412AndTheVersionInForce() {
        String current = etag();

        Http.Answer answer = put(http.get("/v1/policy").body(), "\"not-the-version\"", "application/json");

        assertThat(answer.status()).isEqualTo(412);
        assertThat(answer.json().getString("version")).isEqualTo(current);
        assertThat(etag()).isEqualTo(current);
    }

    @Test
    void anInvalidPolicyIsRefusedWith422NamingEachFieldAndNothingChanges() {
        String current = etag();
        JsonObject policy = http.get("/v1/policy").json();
        policy.getJsonObject("weights").put("usage", 7);
        policy.getJsonObject("interruption").put("gracePeriod", "soon");

        Http.Answer answer = put(policy.encode(), "\"" + current + "\"", "application/json");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errors().stream().map(e -> ((JsonObject) e).getString("field")).toList())
                .contains("weights.usage", "interruption.gracePeriod");
        assertThat(etag()).isEqualTo(current);
    }

    @Test
    void aPutWithoutIfMatchIsRefusedSoNoChangeIsSilentlyOverwritten() {
        Http.Answer answer = put(http.get("/v1/policy").body(), null, "application/json");

        assertThat(answer.status()).isEqualTo(428);
        assertThat(answer.json().getString("error")).contains("If-Match");
    }
}
