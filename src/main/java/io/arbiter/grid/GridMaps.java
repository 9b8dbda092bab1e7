package io.arbiter.grid;

/** The names of Arbiter's maps in the grid, in one place. */
public final class GridMaps {

    /** Platform id to {@link io.arbiter.domain.Platform}. */
    public static final String PLATFORMS = "arbiter.platforms";
    /** Client id to {@link io.arbiter.domain.Client}. */
    public static final String CLIENTS = "arbiter.clients";
    /** {@link InstanceKey} to {@link io.arbiter.domain.Instance}. */
    public static final String INSTANCES = "arbiter.instances";
    /**
     * Platform id to its {@link InstanceChangeLog}: how many times its instances changed (started,
     * stopped, changed state) and which changed lately, so that a copy of the platform's instances
     * made at one revision can be brought up to date. In the platform's partition, beside its instances.
     */
    public static final String INSTANCE_CHANGES = "arbiter.instance-changes";
    /** Instance id to its {@link InstanceLocation} (platform and client). */
    public static final String INSTANCE_LOCATIONS = "arbiter.instance-locations";
    /** {@link InstanceKey} to {@link io.arbiter.domain.UsageAggregate}. */
    public static final String USAGE = "arbiter.usage";
    /** Client id to its usage series ({@link io.arbiter.scoring.ClientUsage}): decayed, with history. */
    public static final String CLIENT_USAGE = "arbiter.client-usage";
    /** Client id to its latest {@link io.arbiter.domain.ClientForecast}. */
    public static final String FORECASTS = "arbiter.forecasts";
    /** {@link ItemKey} (client, invoice) to {@link io.arbiter.domain.Payment}. */
    public static final String PAYMENTS = "arbiter.payments";
    /** {@link ItemKey} (client, signal) to {@link io.arbiter.domain.DemandSignal}. */
    public static final String DEMAND = "arbiter.demand";
    /** Slot id to {@link io.arbiter.domain.ShadowSlot}. */
    public static final String SHADOW_SLOTS = "arbiter.shadow-slots";
    /** {@link ItemKey} (platform, event id) to a reported contention, in the platform's partition. */
    public static final String CONTENTIONS = "arbiter.contentions";
    /** Decision id to {@link io.arbiter.domain.Decision}, as decided (actions in their first state). */
    public static final String DECISIONS = "arbiter.decisions";
    /** Action id to {@link io.arbiter.domain.ActionRecord}, with its current state and history. */
    public static final String ACTIONS = "arbiter.actions";
    /**
     * Action id to the id of the member that carries it out ({@link ActionClaims}); entries expire
     * after {@link #ACTION_CLAIM_HOURS} hours.
     */
    public static final String ACTION_CLAIMS = "arbiter.action-claims";
    /** How long an action's claim lasts when it is not given up. */
    public static final int ACTION_CLAIM_HOURS = 24;
    /** Notice id to a {@link io.arbiter.domain.Notice} of the decision log. */
    public static final String NOTICES = "arbiter.notices";
    /** Client id to its {@link io.arbiter.domain.ClientScore} in force. */
    public static final String SCORES = "arbiter.scores";
    /** Client id to its {@link io.arbiter.domain.InterruptionStanding}, concluded with its score. */
    public static final String STANDINGS = "arbiter.standings";
    /**
     * The id of the scoring pass that last wrote its scores, under one key: a member decides from
     * its own latest pass's scores only while that pass is the one named here.
     */
    public static final String SCORE_PASSES = "arbiter.score-passes";
    /** The policy document in force, as JSON, under one key. */
    public static final String POLICY = "arbiter.policy";
    /** Service name to its {@link RouteEntry}: the route in force and its revision. */
    public static final String ROUTES = "arbiter.routes";
    /** Event id to its claim state, for de-duplication. */
    public static final String EVENT_IDS = "arbiter.event-ids";

    private GridMaps() {
    }
}
