package io.arbiter.bench.scoring;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's clients, as the events a producer would send: {@code clients} clients of every SLA
 * tier in turn, each with invoices (paid on time, paid late, or one of each), half of them with a
 * {@code requestRate} demand signal, and one in fifty with a running instance that reported usage.
 *
 * <p>The inputs are chosen so that moving the {@code sla} weight between 0 and 1 (the other weights
 * at their defaults) moves <em>every</em> client's CVS by more than the default epsilon (0.01). A
 * weight change moves a client by {@code (sla factor − mean of its other factors) × constant}, so
 * no client's other factors may average to its tier's value. With the default policy that mean is
 * {@code (0.25 usage + 0.10 forecast + 0.15 demand + 0.20 payment) / 0.70}, where payment is 1, 0 or
 * 0.5, demand 0 or 0.1–0.3, forecast 0, or 1 for the clients with usage (fewer than 5 % of them, so
 * the fleet's 95th percentile is 0), and usage 0 or 1 likewise (one sample gives no decayed use
 * yet). Clients with usage are bronze or gold only. Over every combination the mean stays at least
 * 0.036 from the tier's value (0.2857 for a bronze client without demand and with invoices paid on
 * time), and moving the weight from 0 to 1 moves the CVS by that over 1.7: at least 0.021.
 */
final class Fleet {

    private static final String[] TIERS = {"platinum", "gold", "silver", "bronze"};
    private static final int PLATFORMS = 10;
    private static final int USAGE_EVERY = 50;

    private final int clients;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Fleet(int clients) {
        this.clients = clients;
    }

    /** The id of the {@code i}th client registered. */
    static String clientId(int i) {
        return String.format("c%05d", i);
    }

    /**
     * Every event, in stages whose requests may be sent together: platforms and clients, then their
     * invoices, demand signals and instances, then the instances' usage. A stage's events are in
     * requests of at most {@code perRequest}.
     */
    List<List<JsonArray>> stages(int perRequest) {
        List<JsonObject> registrations = new ArrayList<>();
        for (int p = 0; p < PLATFORMS; p++) {
            registrations.add(new JsonObject().put("id", "bench-p" + p).put("type", "platform.registered")
                    .put("platformId", "p" + p).put("datacentre", "dc1").put("zone", "z" + (p % 2))
                    .put("capacity", new JsonObject().put("cpu", 4096).put("memoryGiB", 16384)));
        }
        List<JsonObject> facts = new ArrayList<>();
        List<JsonObject> usage = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String id = clientId(i);
            registrations.add(new JsonObject().put("id", "bench-c" + i).put("type", "client.registered")
                    .put("clientId", id).put("name", "Client " + i).put("slaTier", TIERS[i % TIERS.length]));
            addInvoices(i, id, facts);
            if ((i / 12) % 2 == 1) {
                facts.add(new JsonObject().put("id", "bench-d" + i).put("type", "demand").put("clientId", id)
                        .put("signal", "requestRate").put("value", 1000 + i % 2001).put("ttl", "P1D"));
            }
            if (i % USAGE_EVERY == 7) {
                String instance = "i-" + id;
                facts.add(new JsonObject().put("id", "bench-i" + i).put("type", "instance.started")
                        .put("instanceId", instance).put("clientId", id).put("platformId", "p" + (i % PLATFORMS))
                        .put("kind", i % 3 == 0 ? "uninterruptible" : "interruptible")
                        .put("resources", new JsonObject().put("cpu", 4).put("memoryGiB", 16)));
                usage.add(new JsonObject().put("id", "bench-u" + i).put("type", "usage").put("instanceId", instance)
                        .put("cpu", 0.5 + (i % 7) / 2.0).put("memoryGiB", 2 + i % 5).put("networkMbps", 10 + i % 100));
            }
        }
        return List.of(requests(registrations, perRequest), requests(facts, perRequest), requests(usage, perRequest));
    }

    private static List<JsonArray> requests(List<JsonObject> events, int perRequest) {
        List<JsonArray> requests = new ArrayList<>();
        for (int from = 0; from < events.size(); from += perRequest) {
            requests.add(new JsonArray(new ArrayList<>(events.subList(from, Math.min(events.size(), from + perRequest)))));
        }
        return requests;
    }

    private void addInvoices(int i, String id, List<JsonObject> events) {
        Instant due = now.minus(Duration.ofDays(20 + i % 30));
        switch ((i / TIERS.length) % 3) {
            case 0 -> events.add(invoice(id, "a", due, due.minus(Duration.ofDays(2))));
            case 1 -> events.add(invoice(id, "a", due, due.plus(Duration.ofDays(5))));
            default -> {
                events.add(invoice(id, "a", due, due.minus(Duration.ofDays(1))));
                events.add(invoice(id, "b", due, due.plus(Duration.ofDays(3))));
            }
        }
    }

    private JsonObject invoice(String clientId, String suffix, Instant due, Instant paid) {
        return new JsonObject().put("id", "bench-pay-" + clientId + suffix).put("type", "payment")
                .put("clientId", clientId).put("invoiceId", clientId + "-" + suffix).put("amount", "250.00")
                .put("currency", "EUR").put("dueDate", due.toString()).put("paidDate", paid.toString());
    }
}
