package io.arbiter.app;

import io.arbiter.domain.ActionRecord;
import io.arbiter.domain.Decision;
import io.arbiter.domain.LedgerEntry;
import io.arbiter.domain.ReservationOutcome;
import io.arbiter.ledger.DurableStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The durable store with metrics: {@code arbiter.store.writes} times every write by kind
 * (decision, action, ledger, reserve, release), {@code arbiter.store.write.failures} counts the
 * writes that failed, by kind. Reads pass straight through.
 */
final class MeteredStore implements DurableStore {

    private final DurableStore store;
    private final MeterRegistry registry;

    MeteredStore(DurableStore store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
        for (String kind : List.of("decision", "action", "ledger", "reserve", "release")) {
            timer(kind);
            failures(kind);
        }
    }

    @Override
    public void saveDecision(Decision decision) {
        write("decision", () -> {
            store.saveDecision(decision);
            return null;
        });
    }

    @Override
    public Map<String, Integer> saveDecisionWithinBudget(Decision decision, int maxInterruptions, Instant since) {
        return write("decision", () -> store.saveDecisionWithinBudget(decision, maxInterruptions, since));
    }

    @Override
    public void saveAction(ActionRecord action) {
        write("action", () -> {
            store.saveAction(action);
            return null;
        });
    }

    @Override
    public boolean append(LedgerEntry entry) {
        return write("ledger", () -> store.append(entry));
    }

    @Override
    public ReservationOutcome reserve(String slotId, String actionId, int maxRunning) {
        return write("reserve", () -> store.reserve(slotId, actionId, maxRunning));
    }

    @Override
    public void release(String slotId, String actionId) {
        write("release", () -> {
            store.release(slotId, actionId);
            return null;
        });
    }

    @Override
    public Optional<Decision> decision(String decisionId) {
        return store.decision(decisionId);
    }

    @Override
    public Optional<ActionRecord> action(String actionId) {
        return store.action(actionId);
    }

    @Override
    public List<Decision> decisions() {
        return store.decisions();
    }

    @Override
    public List<ActionRecord> unfinishedActions() {
        return store.unfinishedActions();
    }

    @Override
    public List<LedgerEntry> ledger(String clientId) {
        return store.ledger(clientId);
    }

    @Override
    public List<LedgerEntry> downgradesInForce(Instant at) {
        return store.downgradesInForce(at);
    }

    @Override
    public Map<String, String> reservations() {
        return store.reservations();
    }

    @Override
    public boolean reachable() {
        return store.reachable();
    }

    @Override
    public void close() {
        store.close();
    }

    private <T> T write(String kind, Supplier<T> write) {
        Timer.Sample sample = Timer.start(registry);
        try {
            return write.get();
        } catch (RuntimeException e) {
            failures(kind).increment();
            throw e;
        } finally {
            sample.stop(timer(kind));
        }
    }

    private Timer timer(String kind) {
        return Timer.builder("arbiter.store.writes").description("Writes to the durable store, by kind")
                .tag("kind", kind).register(registry);
    }

    private Counter failures(String kind) {
        return Counter.builder("arbiter.store.write.failures").description("Writes to the durable store that failed")
                .tag("kind", kind).register(registry);
    }
}
