package io.arbiter.app;

import io.arbiter.arbitration.DecisionIds;
import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.grid.GridDecisionLog;
import io.arbiter.grid.GridOwnership;
import io.arbiter.grid.GridStore;
import io.arbiter.http.Arbitrations;
import io.arbiter.http.EventBusAddresses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v1/arbitrations} on a cluster: a contention on a platform this member does not own
 * is sent over the event bus to the member that owns it, which decides it and answers the
 * decision's id; dry runs, and platforms this member owns, are decided here. So every platform has
 * one decider, wherever the request arrived. On the minority side of a split it refuses at once.
 * When the event bus does not know the owner's address (seen on the majority side of a split, the
 * cause not known), the contention goes to the owner through the grid instead, as contention events do.
 */
final class OwnerRouting implements Arbitrations {

    private static final long TIMEOUT_MILLIS = 30_000;
    private static final int BAD_REQUEST = 400;
    private static final int UNAVAILABLE = 503;

    private final ArbitrationService local;
    private final GridOwnership ownership;
    private final GridDecisionLog log;
    private final GridStore grid;
    private final DecisionJournal journal;
    private final Counter throughTheGrid;
    private volatile Vertx vertx;

    OwnerRouting(ArbitrationService local, GridOwnership ownership, GridDecisionLog log, GridStore grid,
                 DecisionJournal journal, MeterRegistry registry) {
        this.local = local;
        this.ownership = ownership;
        this.log = log;
        this.grid = grid;
        this.journal = journal;
        this.throughTheGrid = Counter.builder("arbiter.arbitrations.through.grid")
                .description("Contentions handed to their platform's owner through the grid: the event bus did not "
                        + "know the owner's address")
                .register(registry);
    }

    /**
     * Answers requests from other members to decide for the platforms this member owns; completes
     * once the other members' event buses know the address.
     */
    Future<Void> serve(Vertx vertx) {
        this.vertx = vertx;
        return vertx.eventBus().<JsonObject>consumer(EventBusAddresses.ARBITRATE + ownership.self().id(),
                this::decideFor).completion();
    }

    @Override
    public CompletionStage<Result> arbitrate(String triggerId, Contention contention, boolean dryRun) {
        if (!dryRun && !ownership.hasMajority()) {
            return CompletableFuture.failedFuture(ownership.refusal("refusing to decide contention " + triggerId));
        }
        Vertx bus = vertx;
        if (dryRun || bus == null || ownership.owns(contention.platformId())) {
            return local.arbitrate(triggerId, contention, dryRun);
        }
        var owner = ownership.ownerOf(contention.platformId());
        if (owner.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("no member owns platform '"
                    + contention.platformId() + "' right now (its partition is moving); try again shortly"));
        }
        return bus.eventBus().<JsonObject>request(EventBusAddresses.ARBITRATE + owner.get().id(),
                        toJson(triggerId, contention), new DeliveryOptions().setSendTimeout(TIMEOUT_MILLIS))
                .toCompletionStage()
                .handle((reply, failure) -> {
                    if (failure == null) {
                        return decision(reply.body().getString("decisionId"), reply.body().getBoolean("isNew"));
                    }
                    if (isUnknownAddress(failure)) {
                        throughTheGrid.increment();
                        return throughTheGrid(triggerId, contention);
                    }
                    throw asFailure(failure, owner.get());
                })
                .thenCompose(next -> next);
    }

    /**
     * Hands {@code contention} to its platform's owner through the grid, as a contention event
     * does (pending in the platform's partition until the owner has decided it), and waits for the
     * decision to be stored: for when this member's event bus does not know the owner's address.
     */
    private CompletionStage<Result> throughTheGrid(String triggerId, Contention contention) {
        String decisionId = DecisionIds.decision(contention.platformId(), triggerId, 0);
        return log.decision(decisionId).thenCompose(taken -> {
            if (taken.isPresent()) {
                return CompletableFuture.completedFuture(new Result(taken.get(), false));
            }
            return grid.platform(contention.platformId()).thenCompose(platform -> {
                if (platform.isEmpty()) {
                    throw new IllegalArgumentException("unknown platform '" + contention.platformId() + "'");
                }
                return grid.raiseContention(triggerId, contention);
            }).thenCompose(raised -> journal.stored(decisionId, Duration.ofMillis(TIMEOUT_MILLIS)))
                    .thenCompose(stored -> decision(decisionId, true));
        });
    }

    /** Decision {@code decisionId}, taken by the platform's owner, as the grid's decision log holds it. */
    private CompletionStage<Result> decision(String decisionId, boolean isNew) {
        return log.decision(decisionId).thenApply(found -> new Result(found.orElseThrow(() -> new IllegalStateException(
                "decision " + decisionId + " taken by the platform's owner is not readable here")), isNew));
    }

    private static boolean isUnknownAddress(Throwable failure) {
        return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS;
    }

    private void decideFor(Message<JsonObject> request) {
        JsonObject body = request.body();
        local.arbitrate(body.getString("triggerId"), contention(body), false).whenComplete((result, failure) -> {
            if (failure == null) {
                request.reply(new JsonObject().put("decisionId", result.decision().decisionId())
                        .put("isNew", result.isNew()));
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                request.fail(cause instanceof IllegalArgumentException ? BAD_REQUEST : UNAVAILABLE,
                        String.valueOf(cause.getMessage()));
            }
        });
    }

    private static RuntimeException asFailure(Throwable failure, GridOwnership.ClusterMember owner) {
        if (failure instanceof ReplyException reply && reply.failureCode() == BAD_REQUEST) {
            return new IllegalArgumentException(reply.getMessage());
        }
        return new IllegalStateException("the platform's owner " + owner.address() + " (" + owner.zone()
                + ") did not decide: " + failure.getMessage(), failure);
    }

    private static JsonObject toJson(String triggerId, Contention c) {
        return new JsonObject().put("triggerId", triggerId).put("platformId", c.platformId())
                .put("reason", c.reason().name()).put("severity", c.severity().name())
                .put("cpu", c.need().cpu()).put("memoryGiB", c.need().memoryGiB()).put("beneficiary", c.beneficiary());
    }

    private static Contention contention(JsonObject body) {
        return new Contention(body.getString("platformId"), ContentionReason.valueOf(body.getString("reason")),
                Severity.valueOf(body.getString("severity")),
                new Resources(body.getDouble("cpu"), body.getDouble("memoryGiB")), body.getString("beneficiary"));
    }
}
