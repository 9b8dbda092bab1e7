package io.arbiter.app;

import io.arbiter.domain.Contention;
import io.arbiter.domain.ContentionReason;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Severity;
import io.arbiter.grid.GridDecisionLog;
import io.arbiter.grid.GridOwnership;
import io.arbiter.http.Arbitrations;
import io.arbiter.http.EventBusAddresses;
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
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /v1/arbitrations} on a cluster: a contention on a platform this member does not own
 * is sent over the event bus to the member that owns it, which decides it and answers the
 * decision's id; dry runs, and platforms this member owns, are decided here. So every platform has
 * one decider, wherever the request arrived. On the minority side of a split it refuses at once.
 * While the event bus does not know the owner's address (members publish theirs again after others
 * join or leave), the request is asked again, for up to 10 s.
 */
final class OwnerRouting implements Arbitrations {

    private static final long TIMEOUT_MILLIS = 30_000;
    private static final int BAD_REQUEST = 400;
    private static final int UNAVAILABLE = 503;
    /** How long a request is asked again while the owner's address is not known on the event bus. */
    private static final Duration UNKNOWN_OWNER_WAIT = Duration.ofSeconds(10);
    private static final Duration UNKNOWN_OWNER_RETRY = Duration.ofMillis(200);

    private final ArbitrationService local;
    private final GridOwnership ownership;
    private final GridDecisionLog log;
    private volatile Vertx vertx;

    OwnerRouting(ArbitrationService local, GridOwnership ownership, GridDecisionLog log) {
        this.local = local;
        this.ownership = ownership;
        this.log = log;
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
        return arbitrate(triggerId, contention, dryRun, System.nanoTime() + UNKNOWN_OWNER_WAIT.toNanos());
    }

    /**
     * Decides here, or asks the platform's owner; asks again, the owner found anew, while the event
     * bus does not know the owner's address yet (until {@code giveUpAt}, in {@link System#nanoTime()}):
     * after members join or leave, each member publishes its addresses again, which takes a moment.
     */
    private CompletionStage<Result> arbitrate(String triggerId, Contention contention, boolean dryRun, long giveUpAt) {
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
                        return decision(reply.body());
                    }
                    if (isUnknownAddress(failure) && System.nanoTime() < giveUpAt) {
                        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(
                                        UNKNOWN_OWNER_RETRY.toMillis(), TimeUnit.MILLISECONDS))
                                .thenCompose(v -> arbitrate(triggerId, contention, false, giveUpAt));
                    }
                    throw asFailure(failure, owner.get());
                })
                .thenCompose(next -> next);
    }

    /** The decision the owner answered with, read from the grid's decision log. */
    private CompletionStage<Result> decision(JsonObject answer) {
        return log.decision(answer.getString("decisionId")).thenApply(found -> new Result(
                found.orElseThrow(() -> new IllegalStateException("decision " + answer.getString("decisionId")
                        + " taken by the platform's owner is not readable here")),
                answer.getBoolean("isNew")));
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
