package io.arbiter.actuation;

import io.arbiter.domain.Route;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Sends each service's requests to the instance currently serving it. A migration pauses the
 * service (new requests are held, not refused), copies what changed, points the service at the new
 * instance and resumes: held requests then go to the new instance. Every call is idempotent.
 */
public interface TrafficRouter {

    /** The route in force for {@code service}, if it has one. */
    CompletionStage<Optional<Route>> route(String service);

    /** Serves {@code route.service()} from {@code route}'s instance from now on (a new service, or a switch). */
    CompletionStage<Void> point(Route route);

    /**
     * Holds new requests for {@code service}; completes once the requests already sent to its
     * instance have been answered, by every router that sends it requests (on a cluster, each
     * member's), so that nothing changes the instance's state after this. Fails when a router does
     * not confirm in time.
     */
    CompletionStage<Void> pause(String service);

    /** Releases the held requests to the route in force and stops holding. */
    CompletionStage<Void> resume(String service);
}
