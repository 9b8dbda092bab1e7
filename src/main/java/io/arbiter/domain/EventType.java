package io.arbiter.domain;

/** The event types producers send, by their wire name. */
public enum EventType implements WireName {
    PLATFORM_REGISTERED("platform.registered"),
    CLIENT_REGISTERED("client.registered"),
    CLIENT_UPDATED("client.updated"),
    INSTANCE_STARTED("instance.started"),
    INSTANCE_STOPPED("instance.stopped"),
    USAGE("usage"),
    FORECAST("forecast"),
    PAYMENT("payment"),
    DEMAND("demand"),
    SHADOW_REGISTERED("shadow.registered"),
    CONTENTION("contention");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
