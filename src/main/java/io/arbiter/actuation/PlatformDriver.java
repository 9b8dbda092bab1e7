package io.arbiter.actuation;

import io.arbiter.domain.Instance;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** What Arbiter asks of a platform to make room. Implementations must be safe to call twice for one instance. */
public interface PlatformDriver {

    /**
     * Asks the instance to shut down gracefully within {@code grace}. The stage completes when the
     * instance has stopped, and fails when the platform refused or could not pass on the request.
     * It may never complete if the instance ignores the request: the caller enforces the grace period.
     */
    CompletionStage<Void> shutdown(Instance instance, Duration grace);

    /** Stops the instance at once. The stage completes when it is gone. */
    CompletionStage<Void> terminate(Instance instance);
}
