package io.arbiter.actuation;

import io.arbiter.domain.ActionStatus;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Receives each state a migration reaches, before the migration acts on it: the migration waits for
 * the answer, so a state is durable before its step starts (a restart then knows how far it got).
 */
public interface MigrationListener {

    /** Records that the migration reached {@code status}; a failed stage aborts a migration not yet switched. */
    CompletionStage<Void> reached(ActionStatus status, Instant at, String note);

    /**
     * Hears of what happened after the migration ended, where its history can no longer say it:
     * a step cut short that succeeded late and was undone. Nothing by default.
     */
    default void noticed(String note) {
    }
}
