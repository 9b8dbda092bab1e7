package io.arbiter.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a producer reports. Every event has a producer-chosen unique {@link #id()}: an event
 * whose id was already accepted is a duplicate and is not applied again.
 */
public sealed interface Event {

    /** The producer-chosen unique id. */
    String id();

    /** When it happened. */
    Instant time();

    /** Its type. */
    EventType type();

    /** A platform joined, or its description changed. */
    record PlatformRegistered(String id, Instant time, Platform platform) implements Event {
        public PlatformRegistered {
            Objects.requireNonNull(platform, "platform");
        }

        @Override
        public EventType type() {
            return EventType.PLATFORM_REGISTERED;
        }
    }

    /** A client was registered (or registered again, replacing its name and tier). */
    record ClientRegistered(String id, Instant time, Client client) implements Event {
        public ClientRegistered {
            Objects.requireNonNull(client, "client");
        }

        @Override
        public EventType type() {
            return EventType.CLIENT_REGISTERED;
        }
    }

    /** A client's name or tier changed; a null field is left as it was. */
    record ClientUpdated(String id, Instant time, String clientId, String name, SlaTier slaTier) implements Event {
        public ClientUpdated {
            Objects.requireNonNull(clientId, "clientId");
        }

        @Override
        public EventType type() {
            return EventType.CLIENT_UPDATED;
        }
    }

    /** An instance started on a platform. */
    record InstanceStarted(String id, Instant time, Instance instance) implements Event {
        public InstanceStarted {
            Objects.requireNonNull(instance, "instance");
        }

        @Override
        public EventType type() {
            return EventType.INSTANCE_STARTED;
        }
    }

    /** An instance stopped and gave back its resources. */
    record InstanceStopped(String id, Instant time, String instanceId) implements Event {
        public InstanceStopped {
            Objects.requireNonNull(instanceId, "instanceId");
        }

        @Override
        public EventType type() {
            return EventType.INSTANCE_STOPPED;
        }
    }

    /** A measurement of an instance's use. */
    record UsageReported(String id, Instant time, UsageSample sample) implements Event {
        public UsageReported {
            Objects.requireNonNull(sample, "sample");
        }

        @Override
        public EventType type() {
            return EventType.USAGE;
        }
    }

    /** A client's own projected need. */
    record ForecastReported(String id, Instant time, ClientForecast forecast) implements Event {
        public ForecastReported {
            Objects.requireNonNull(forecast, "forecast");
        }

        @Override
        public EventType type() {
            return EventType.FORECAST;
        }
    }

    /** An invoice was issued or paid. */
    record PaymentReported(String id, Instant time, Payment payment) implements Event {
        public PaymentReported {
            Objects.requireNonNull(payment, "payment");
        }

        @Override
        public EventType type() {
            return EventType.PAYMENT;
        }
    }

    /** A real-time demand signal for a client. */
    record DemandReported(String id, Instant time, DemandSignal signal) implements Event {
        public DemandReported {
            Objects.requireNonNull(signal, "signal");
        }

        @Override
        public EventType type() {
            return EventType.DEMAND;
        }
    }

    /** A shadow slot was configured. */
    record ShadowRegistered(String id, Instant time, ShadowSlot slot) implements Event {
        public ShadowRegistered {
            Objects.requireNonNull(slot, "slot");
        }

        @Override
        public EventType type() {
            return EventType.SHADOW_REGISTERED;
        }
    }

    /** A platform needs room. */
    record ContentionReported(String id, Instant time, Contention contention) implements Event {
        public ContentionReported {
            Objects.requireNonNull(contention, "contention");
        }

        @Override
        public EventType type() {
            return EventType.CONTENTION;
        }
    }
}
