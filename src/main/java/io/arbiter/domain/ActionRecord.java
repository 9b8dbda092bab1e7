package io.arbiter.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One action of a decision and what happened to it so far.
 *
 * @param actionId deterministic: the decision's id and the action's position
 * @param cvs the client's score when the decision was taken
 * @param target where the action takes the instance: for a migration, the shadow slot's id; null otherwise
 * @param slaTier the client's own SLA tier when the decision was taken (before any downgrade in force),
 *                kept for a migration and its penalty and downgrade, so that the charge never depends
 *                on the grid still knowing the client; null for other actions or where it was unknown
 * @param history every state the action went through, oldest first
 */
public record ActionRecord(String actionId, String decisionId, ActionType type, String platformId, String instanceId,
                           String clientId, double cvs, String reason, String target, SlaTier slaTier,
                           ActionStatus status, List<Step> history) {

    /** A state the action reached, when, and why. */
    public record Step(ActionStatus status, Instant at, String note) {
    }

    public ActionRecord {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        history = List.copyOf(history);
    }

    /** This action in {@code next} state, with the step added to its history; unchanged once final. */
    public ActionRecord advanced(ActionStatus next, Instant at, String note) {
        if (status.isFinal() || status == next) {
            return this;
        }
        List<Step> steps = new ArrayList<>(history);
        steps.add(new Step(next, at, note));
        return new ActionRecord(actionId, decisionId, type, platformId, instanceId, clientId, cvs, reason, target, slaTier,
                next, steps);
    }

    /** This action, noting that its client's SLA tier was {@code tier} when it was decided. */
    public ActionRecord withSlaTier(SlaTier tier) {
        return new ActionRecord(actionId, decisionId, type, platformId, instanceId, clientId, cvs, reason, target, tier,
                status, history);
    }
}
