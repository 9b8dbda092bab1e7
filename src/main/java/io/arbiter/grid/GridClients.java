package io.arbiter.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.arbiter.domain.Client;
import io.arbiter.domain.ClientForecast;
import io.arbiter.domain.DemandSignal;
import io.arbiter.domain.Payment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Reads every client with its scoring inputs, in a few bulk reads rather than one per client. */
public final class GridClients {

    private final IMap<String, Client> clients;
    private final IMap<ItemKey, Payment> payments;
    private final IMap<ItemKey, DemandSignal> demand;
    private final IMap<String, ClientForecast> forecasts;
    private final Executor executor;

    GridClients(HazelcastInstance hz, Executor executor) {
        this.clients = hz.getMap(GridMaps.CLIENTS);
        this.payments = hz.getMap(GridMaps.PAYMENTS);
        this.demand = hz.getMap(GridMaps.DEMAND);
        this.forecasts = hz.getMap(GridMaps.FORECASTS);
        this.executor = executor;
    }

    /** Every registered client with its invoices, demand signals and forecast, ordered by client id. */
    public CompletionStage<List<ClientInputs>> all() {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, List<Payment>> invoices = new HashMap<>();
            payments.values().forEach(p -> invoices.computeIfAbsent(p.clientId(), id -> new ArrayList<>()).add(p));
            Map<String, List<DemandSignal>> signals = new HashMap<>();
            demand.values().forEach(d -> signals.computeIfAbsent(d.clientId(), id -> new ArrayList<>()).add(d));
            Map<String, ClientForecast> latest = new HashMap<>(forecasts);
            List<ClientInputs> all = new ArrayList<>();
            clients.values().stream().sorted(Comparator.comparing(Client::clientId)).forEach(c ->
                    all.add(new ClientInputs(c, invoices.getOrDefault(c.clientId(), List.of()),
                            signals.getOrDefault(c.clientId(), List.of()), latest.get(c.clientId()))));
            return all;
        }, executor);
    }
}
