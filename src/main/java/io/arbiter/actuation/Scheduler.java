package io.arbiter.actuation;

import java.time.Duration;
import java.time.Instant;

/** Time for actuation: the current instant and delayed tasks. Production uses timers; tests move time by hand. */
public interface Scheduler {

    /** The current instant. */
    Instant now();

    /** Runs {@code task} once after {@code delay}; the answer cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that may be called off. */
    interface Cancellable {
        /** Calls the task off if it has not run. */
        void cancel();
    }
}
