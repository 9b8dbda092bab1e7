package io.arbiter.actuation;

import io.arbiter.domain.ActionStatus;

import java.time.Instant;

/** Hears every state change of an action, to record its history and free capacity when an instance stops. */
public interface ActionListener {

    /** The action {@code actionId} reached {@code status} at {@code at}; {@code note} says why or how. */
    void changed(String actionId, ActionStatus status, Instant at, String note);
}
