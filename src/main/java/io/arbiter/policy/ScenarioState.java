package io.arbiter.policy;

import io.arbiter.domain.Client;
import io.arbiter.domain.ClientForecast;
import io.arbiter.domain.Contention;
import io.arbiter.domain.DemandSignal;
import io.arbiter.domain.Event;
import io.arbiter.domain.Instance;
import io.arbiter.domain.InstanceState;
import io.arbiter.domain.Payment;
import io.arbiter.domain.Platform;
import io.arbiter.domain.ShadowSlot;
import io.arbiter.domain.UsageSample;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario's events say, as domain records: clients (in registration order) with their
 * invoices (the latest event per invoice), demand signals and latest forecast; instances with their
 * client and usage samples; platforms, shadow slots and contentions. Events that name an unknown
 * client, instance or platform are refused, as ingestion refuses them.
 */
public final class ScenarioState {

    private final Map<String, Platform> platforms = new LinkedHashMap<>();
    private final Map<String, Client> clients = new LinkedHashMap<>();
    private final Map<String, Map<String, Payment>> payments = new LinkedHashMap<>();
    private final Map<String, List<DemandSignal>> demand = new LinkedHashMap<>();
    private final Map<String, ClientForecast> forecasts = new LinkedHashMap<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, List<UsageSample>> usage = new LinkedHashMap<>();
    private final Map<String, ShadowSlot> shadowSlots = new LinkedHashMap<>();
    private final List<Contention> contentions = new ArrayList<>();

    /** Applies {@code event}; returns why it cannot be applied ({@code field: reason}), or null. */
    public String apply(Event event) {
        if (event instanceof Event.PlatformRegistered e) {
            platforms.put(e.platform().platformId(), e.platform());
        } else if (event instanceof Event.ClientRegistered e) {
            clients.put(e.client().clientId(), e.client());
        } else if (event instanceof Event.ClientUpdated e) {
            return ifClient("clientId", e.clientId(),
                    () -> clients.computeIfPresent(e.clientId(), (id, c) -> c.updated(e.name(), e.slaTier())));
        } else if (event instanceof Event.InstanceStarted e) {
            Instance i = e.instance();
            return platforms.containsKey(i.platformId()) ? ifClient("clientId", i.clientId(),
                    () -> instances.put(i.instanceId(), i)) : unknown("platformId", "platform", i.platformId());
        } else if (event instanceof Event.InstanceStopped e) {
            return ifInstance(e.instanceId(), () -> instances.computeIfPresent(e.instanceId(),
                    (id, i) -> i.withState(InstanceState.STOPPED)));
        } else if (event instanceof Event.UsageReported e) {
            return ifInstance(e.sample().instanceId(), () -> usage.computeIfAbsent(e.sample().instanceId(),
                    id -> new ArrayList<>()).add(e.sample()));
        } else if (event instanceof Event.ForecastReported e) {
            return ifClient("clientId", e.forecast().clientId(),
                    () -> forecasts.put(e.forecast().clientId(), e.forecast()));
        } else if (event instanceof Event.PaymentReported e) {
            Payment p = e.payment();
            return ifClient("clientId", p.clientId(), () -> payments.computeIfAbsent(p.clientId(),
                    id -> new LinkedHashMap<>()).put(p.invoiceId(), p));
        } else if (event instanceof Event.DemandReported e) {
            return ifClient("clientId", e.signal().clientId(), () -> demand.computeIfAbsent(e.signal().clientId(),
                    id -> new ArrayList<>()).add(e.signal()));
        } else if (event instanceof Event.ShadowRegistered e) {
            return platforms.containsKey(e.slot().platformId()) ? applied(() -> shadowSlots.put(e.slot().slotId(),
                    e.slot())) : unknown("platformId", "platform", e.slot().platformId());
        } else if (event instanceof Event.ContentionReported e) {
            contentions.add(e.contention());
        }
        return null;
    }

    private String ifClient(String field, String clientId, Runnable change) {
        return clients.containsKey(clientId) ? applied(change) : unknown(field, "client", clientId);
    }

    private String ifInstance(String instanceId, Runnable change) {
        return instances.containsKey(instanceId) ? applied(change) : unknown("instanceId", "instance", instanceId);
    }

    private static String applied(Runnable change) {
        change.run();
        return null;
    }

    private static String unknown(String field, String noun, String id) {
        return field + ": unknown " + noun + " '" + id + "'";
    }

    /** The clients, in the order they were first registered. */
    public Collection<Client> clients() {
        return List.copyOf(clients.values());
    }

    /** The client's invoices, each as its latest event said. */
    public List<Payment> payments(String clientId) {
        return List.copyOf(payments.getOrDefault(clientId, Map.of()).values());
    }

    /** The client's demand signals, in the order they came (expired ones too). */
    public List<DemandSignal> demand(String clientId) {
        return List.copyOf(demand.getOrDefault(clientId, List.of()));
    }

    /** The client's latest forecast, or null. */
    public ClientForecast forecast(String clientId) {
        return forecasts.get(clientId);
    }

    /** Every instance, stopped ones included, by id. */
    public Map<String, Instance> instances() {
        return Map.copyOf(instances);
    }

    /** The client of an instance, or null. */
    public String clientOf(String instanceId) {
        Instance i = instances.get(instanceId);
        return i == null ? null : i.clientId();
    }

    /** The instance's usage samples, in the order they came. */
    public List<UsageSample> usage(String instanceId) {
        return List.copyOf(usage.getOrDefault(instanceId, List.of()));
    }

    /** The platforms, by id. */
    public Map<String, Platform> platforms() {
        return Map.copyOf(platforms);
    }

    /** The shadow slots, by id. */
    public Map<String, ShadowSlot> shadowSlots() {
        return Map.copyOf(shadowSlots);
    }

    /** The contentions reported, in order. */
    public List<Contention> contentions() {
        return List.copyOf(contentions);
    }
}
