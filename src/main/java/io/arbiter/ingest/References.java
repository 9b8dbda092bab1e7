package io.arbiter.ingest;

import io.arbiter.domain.Event;
import io.arbiter.domain.FieldError;
import io.arbiter.grid.GridStore;
import io.arbiter.grid.InstanceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks that every platform, client and instance a batch names is registered, either already in
 * the grid or by an event of the same batch, and finds the platform of every instance named.
 */
final class References {

    /** What the check found: errors (empty when all resolve) and instance id → platform id. */
    record Resolution(List<FieldError> errors, Map<String, InstanceLocation> locationOf) {
    }

    private final GridStore grid;

    References(GridStore grid) {
        this.grid = grid;
    }

    CompletionStage<Resolution> resolve(List<Event> events) {
        Set<String> platformsDefined = new HashSet<>();
        Set<String> clientsDefined = new HashSet<>();
        Map<String, InstanceLocation> locationOf = new HashMap<>();
        for (Event e : events) {
            if (e instanceof Event.PlatformRegistered p) {
                platformsDefined.add(p.platform().platformId());
            } else if (e instanceof Event.ClientRegistered c) {
                clientsDefined.add(c.client().clientId());
            } else if (e instanceof Event.InstanceStarted s) {
                locationOf.put(s.instance().instanceId(),
                        new InstanceLocation(s.instance().platformId(), s.instance().clientId()));
            }
        }
        Set<String> platforms = new HashSet<>();
        Set<String> clients = new HashSet<>();
        Set<String> instances = new HashSet<>();
        forEachReference(events, (index, kind, field, id) -> {
            switch (kind) {
                case PLATFORM -> addUnless(platforms, platformsDefined, id);
                case CLIENT -> addUnless(clients, clientsDefined, id);
                case INSTANCE -> addUnless(instances, locationOf.keySet(), id);
            }
        });
        var knownPlatforms = grid.knownPlatforms(platforms).toCompletableFuture();
        var knownClients = grid.knownClients(clients).toCompletableFuture();
        var knownInstances = grid.instanceLocations(instances).toCompletableFuture();
        return CompletableFuture.allOf(knownPlatforms, knownClients, knownInstances).thenApply(done -> {
            locationOf.putAll(knownInstances.join());
            List<FieldError> errors = new ArrayList<>();
            forEachReference(events, (index, kind, field, id) -> {
                boolean known = switch (kind) {
                    case PLATFORM -> platformsDefined.contains(id) || knownPlatforms.join().contains(id);
                    case CLIENT -> clientsDefined.contains(id) || knownClients.join().contains(id);
                    case INSTANCE -> locationOf.containsKey(id);
                };
                if (!known) {
                    errors.add(new FieldError(index, field, kind.unknown(id)));
                }
            });
            return new Resolution(errors, locationOf);
        });
    }

    private static void addUnless(Set<String> into, Set<String> defined, String id) {
        if (!defined.contains(id)) {
            into.add(id);
        }
    }

    private enum Kind {
        PLATFORM("platform", "platform.registered"),
        CLIENT("client", "client.registered"),
        INSTANCE("instance", "instance.started");

        private final String noun;
        private final String registeredBy;

        Kind(String noun, String registeredBy) {
            this.noun = noun;
            this.registeredBy = registeredBy;
        }

        String unknown(String id) {
            return "unknown " + noun + " '" + id + "': send a " + registeredBy + " event for it first";
        }
    }

    private interface ReferenceVisitor {
        void visit(int index, Kind kind, String field, String id);
    }

    private static void forEachReference(List<Event> events, ReferenceVisitor v) {
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e instanceof Event.ClientUpdated u) {
                v.visit(i, Kind.CLIENT, "clientId", u.clientId());
            } else if (e instanceof Event.InstanceStarted s) {
                v.visit(i, Kind.PLATFORM, "platformId", s.instance().platformId());
                v.visit(i, Kind.CLIENT, "clientId", s.instance().clientId());
            } else if (e instanceof Event.InstanceStopped s) {
                v.visit(i, Kind.INSTANCE, "instanceId", s.instanceId());
            } else if (e instanceof Event.UsageReported u) {
                v.visit(i, Kind.INSTANCE, "instanceId", u.sample().instanceId());
            } else if (e instanceof Event.ForecastReported f) {
                v.visit(i, Kind.CLIENT, "clientId", f.forecast().clientId());
            } else if (e instanceof Event.PaymentReported p) {
                v.visit(i, Kind.CLIENT, "clientId", p.payment().clientId());
            } else if (e instanceof Event.DemandReported d) {
                v.visit(i, Kind.CLIENT, "clientId", d.signal().clientId());
            } else if (e instanceof Event.ShadowRegistered s) {
                v.visit(i, Kind.PLATFORM, "platformId", s.slot().platformId());
            } else if (e instanceof Event.ContentionReported c) {
                v.visit(i, Kind.PLATFORM, "platformId", c.contention().platformId());
                if (c.contention().beneficiary() != null) {
                    v.visit(i, Kind.CLIENT, "beneficiary", c.contention().beneficiary());
                }
            }
        }
    }
}
