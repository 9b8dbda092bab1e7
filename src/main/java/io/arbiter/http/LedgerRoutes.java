package io.arbiter.http;

import io.arbiter.domain.FieldError;
import io.arbiter.ledger.DurableStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * The ledger: penalties charged and SLA downgrades, per client, oldest first, read from the
 * durable store (off the event loop).
 *
 * <pre>
 * curl -s 'localhost:8080/v1/ledger?clientId=acme'
 * {"clientId":"acme","entries":[{"entryId":"…","clientId":"acme","decisionId":"d-…","type":"penalty",
 *   "amount":"250.00","currency":"EUR","time":"2026-12-03T10:00:00Z"}, …]}
 * </pre>
 */
final class LedgerRoutes {

    private final DurableStore store;

    LedgerRoutes(DurableStore store) {
        this.store = store;
    }

    void register(Router router) {
        router.get("/v1/ledger").handler(this::ledger);
    }

    private void ledger(RoutingContext ctx) {
        String clientId = ctx.queryParams().get("clientId");
        if (clientId == null || clientId.isBlank()) {
            Responses.json(ctx, 400, Responses.fieldErrors(List.of(new FieldError(-1, "clientId",
                    "required: the client whose ledger to read, as in /v1/ledger?clientId=acme"))));
            return;
        }
        ctx.vertx().executeBlocking(() -> store.ledger(clientId), false).onComplete(done -> {
            if (done.failed()) {
                Responses.error(ctx, 503, "the store did not answer: " + done.cause().getMessage());
                return;
            }
            JsonArray entries = new JsonArray();
            done.result().forEach(e -> entries.add(Views.ledgerEntry(e)));
            Responses.json(ctx, 200, new JsonObject().put("clientId", clientId).put("entries", entries));
        });
    }
}
