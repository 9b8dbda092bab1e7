package io.arbiter.http.proxy;

import io.arbiter.domain.Route;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerRequest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One service as this router sees it: the route in force (with the revision it came with), whether
 * new requests are held, the held requests in arrival order, and how many forwarded requests the
 * instance has not answered yet. Changed only on the router's event loop; the two counts may be read
 * from any thread (the router's gauges).
 */
final class ServiceLane {

    /** A request waiting for its service to resume. */
    record Held(HttpServerRequest request, ServicePath path, long timerId) {
    }

    private Route route;
    private long revision = -1;
    private boolean localHold;
    private final Deque<Held> held = new ArrayDeque<>();
    private volatile int heldCount;
    private volatile int inFlight;
    private final List<Promise<Void>> drainWaiters = new ArrayList<>();

    /** The route in force, or null before the first one. */
    Route route() {
        return route;
    }

    /** Takes {@code next} when it is newer than the route in force; answers whether it did. */
    boolean offer(Route next, long nextRevision) {
        if (nextRevision <= revision) {
            return false;
        }
        route = next;
        revision = nextRevision;
        return true;
    }

    /** The revision of the route in force. */
    long revision() {
        return revision;
    }

    /** Holds new requests whatever the route says, until {@link #endLocalHold}. */
    void holdLocally() {
        localHold = true;
    }

    /** Stops the local hold; the route's own flag decides from now on. */
    void endLocalHold() {
        localHold = false;
    }

    /** True while new requests must wait. */
    boolean holding() {
        return localHold || (route != null && route.paused());
    }

    void hold(Held request) {
        held.addLast(request);
        heldCount = held.size();
    }

    /** Removes one held request (its hold timed out); answers whether it was still held. */
    boolean unhold(Held request) {
        boolean removed = held.remove(request);
        heldCount = held.size();
        return removed;
    }

    /** Every held request, in arrival order, no longer held. */
    List<Held> releaseAll() {
        List<Held> out = new ArrayList<>(held);
        held.clear();
        heldCount = 0;
        return out;
    }

    /** A request went to the instance. */
    void sent() {
        inFlight++;
    }

    /** A forwarded request was answered; completes the drain waiters when none remain. */
    void answered() {
        inFlight--;
        if (inFlight == 0) {
            drainWaiters.forEach(Promise::tryComplete);
            drainWaiters.clear();
        }
    }

    /** Completes {@code waiter} once no forwarded request is unanswered (at once when none is). */
    void whenDrained(Promise<Void> waiter) {
        if (inFlight == 0) {
            waiter.tryComplete();
        } else {
            drainWaiters.add(waiter);
        }
    }

    int inFlight() {
        return inFlight;
    }

    int heldCount() {
        return heldCount;
    }
}
