package io.arbiter.http;

/**
 * Every Vert.x event-bus address Arbiter uses, in one place. On a cluster the event bus spans
 * every member (vertx-hazelcast, over the grid's own members), so a message published on one
 * member reaches the consumers of all.
 */
public final class EventBusAddresses {

    /**
     * Published (to every member) with a decision's id, as a string, each time a member records a
     * new decision or moves one of its actions; each member's decision feed
     * ({@code GET /v1/decisions/stream}) reads the decision and sends it to its subscribers.
     */
    public static final String DECISIONS = "arbiter.decisions";

    /**
     * Followed by a member's id: that member decides, for {@code POST /v1/arbitrations} received by
     * another member, a contention on a platform it owns. The request holds the trigger id and the
     * contention; the reply the decision's id and whether this request took it (or a failure: 400
     * for an unknown platform, 503 otherwise, with the reason).
     */
    public static final String ARBITRATE = "arbiter.arbitrate.";

    /**
     * Followed by a member's id: that member's router is asked, by the member pausing a service (a
     * migration's cut-over), to hold the service's new requests and to reply once the requests it
     * already forwarded to the service's instance are answered. The request holds the service and
     * the paused route's revision; the reply says it drained (or a failure, 503, with the reason).
     */
    public static final String ROUTER_DRAIN = "arbiter.router.drain.";

    private EventBusAddresses() {
    }
}
