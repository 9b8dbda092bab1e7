package io.arbiter.http;

import io.arbiter.domain.Contention;
import io.arbiter.domain.Decision;

import java.util.concurrent.CompletionStage;

/** Decides a contention: what {@code POST /v1/arbitrations} calls. */
public interface Arbitrations {

    /** A decision, and whether this call took it (false when it was in the log already, or for a dry run). */
    record Result(Decision decision, boolean isNew) {
    }

    /**
     * Decides {@code contention}, raised by event {@code triggerId}; a dry run stores and executes
     * nothing. Fails with {@link IllegalArgumentException} naming an unknown platform.
     */
    CompletionStage<Result> arbitrate(String triggerId, Contention contention, boolean dryRun);
}
