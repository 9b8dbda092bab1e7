package io.arbiter.domain;

import java.util.Objects;

/** A client of the operator, whose instances run on the platforms. */
public record Client(String clientId, String name, SlaTier slaTier) {

    public Client {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slaTier, "slaTier");
    }

    /** This client with another name and/or tier; a null argument keeps the current value. */
    public Client updated(String newName, SlaTier newTier) {
        return new Client(clientId, newName == null ? name : newName, newTier == null ? slaTier : newTier);
    }
}
