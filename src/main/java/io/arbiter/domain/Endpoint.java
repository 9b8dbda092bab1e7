package io.arbiter.domain;

import java.util.Objects;

/** Where an instance takes traffic: a host and a port. */
public record Endpoint(String host, int port) {

    public Endpoint {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
