package io.arbiter.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.arbiter.domain.Client;
import io.arbiter.domain.ClientForecast;
import io.arbiter.domain.DemandSignal;
import io.arbiter.domain.Payment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

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

    /**
     * Every registered client with its invoices, demand signals and forecast, ordered by client id.
     * The four maps are read at once, on this reader's threads.
     */
    public CompletionStage<List<ClientInputs>> all() {
        CompletableFuture<List<Client>> registered = CompletableFuture.supplyAsync(() ->
                clients.values().stream().sorted(Comparator.comparing(Client::clientId)).toList(), executor);
        CompletableFuture<Map<String, List<Payment>>> invoices = CompletableFuture.supplyAsync(() ->
                byClient(payments.values(), Payment::clientId), executor);
        CompletableFuture<Map<String, List<DemandSignal>>> signals = CompletableFuture.supplyAsync(() ->
                byClient(demand.values(), DemandSignal::clientId), executor);
        CompletableFuture<Map<String, ClientForecast>> latest = CompletableFuture.supplyAsync(() ->
                new HashMap<>(forecasts), executor);
        return CompletableFuture.allOf(registered, invoices, signals, latest).thenApplyAsync(read -> {
            List<ClientInputs> all = new ArrayList<>(registered.join().size());
            for (Client c : registered.join()) {
                all.add(new ClientInputs(c, invoices.join().getOrDefault(c.clientId(), List.of()),
                        signals.join().getOrDefault(c.clientId(), List.of()), latest.join().get(c.clientId())));
            }
            return all;
        }, executor);
    }

    private static <T> Map<String, List<T>> byClient(Collection<T> items, Function<T, String> clientId) {
        Map<String, List<T>> grouped = new HashMap<>();
        items.forEach(item -> grouped.computeIfAbsent(clientId.apply(item), id -> new ArrayList<>()).add(item));
        return grouped;
    }
}
