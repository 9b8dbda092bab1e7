package io.arbiter.actuation;

import io.arbiter.domain.Endpoint;
import io.arbiter.domain.Instance;
import io.arbiter.domain.ShadowSlot;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * What Arbiter asks of a platform to make room: stop an instance, or move it. Implementations must
 * be safe to call twice with the same arguments (a retry after a restart or a takeover).
 */
public interface PlatformDriver {

    /**
     * Asks the instance to shut down gracefully within {@code grace}. The stage completes when the
     * instance has stopped, and fails when the platform refused or could not pass on the request.
     * It may never complete if the instance ignores the request: the caller enforces the grace period.
     */
    CompletionStage<Void> shutdown(Instance instance, Duration grace);

    /** Stops the instance at once. The stage completes when it is gone. */
    CompletionStage<Void> terminate(Instance instance);

    /**
     * Copies the running instance's state without stopping it: all of it when {@code base} is null
     * (the pre-copy), otherwise only what changed since {@code base} (the final copy, taken while the
     * router holds the service's requests).
     */
    CompletionStage<Snapshot> snapshot(Instance instance, Snapshot base);

    /**
     * Brings up {@code copy} (the instance as it will run in {@code slot}) from a full snapshot, or
     * brings the running copy up to date with a delta. The stage completes when the copy serves
     * with that state.
     */
    CompletionStage<Void> restore(Instance copy, ShadowSlot slot, Snapshot snapshot);

    /** Where the instance takes traffic. Fails when it serves none or does not run. */
    CompletionStage<Endpoint> endpoint(Instance instance);
}
