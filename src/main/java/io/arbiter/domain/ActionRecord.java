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
 * @param history every state the action went through, oldest first
 */
public record ActionRecord(String actionId, String decisionId, ActionType type, String platformId, String instanceId,
                           String clientId, double cvs, String reason, String target, ActionStatus status,
                           List<Step> history) {

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
        return new ActionRecord(actionId, decisionId, type, platformId, instanceId, clientId, cvs, reason, target, next, steps);
    }
}
