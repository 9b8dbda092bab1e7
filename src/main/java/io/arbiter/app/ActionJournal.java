package io.arbiter.app;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.ActionStatus;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** Where action states are recorded: the stage completes once the new state is kept. */
interface ActionJournal {

    /** Records that {@code action} reached {@code status}; answers the action as recorded. */
    CompletionStage<ActionRecord> advance(ActionRecord action, ActionStatus status, Instant at, String note);
}
