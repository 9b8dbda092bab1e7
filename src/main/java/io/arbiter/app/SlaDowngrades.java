package io.arbiter.app;

import io.arbiter.domain.Client;
import io.arbiter.domain.LedgerEntry;
import io.arbiter.ledger.DurableStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The SLA downgrades in force, so that a penalised client is scored at its lower tier until the
 * downgrade ends, then at its own again. Read from the durable store (so every member of a cluster,
 * and a restarted node, sees them) at most every {@link #REFRESH}, and at once for downgrades this
 * node writes.
 */
final class SlaDowngrades {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private final Function<Instant, List<LedgerEntry>> inForceAt;
    private final ConcurrentMap<String, LedgerEntry> inForce = new ConcurrentHashMap<>();
    private volatile Instant readAt = Instant.MIN;

    /** Downgrades read from {@code store}. */
    SlaDowngrades(DurableStore store) {
        this(store::downgradesInForce);
    }

    /** @param inForceAt the downgrades in force at an instant, from wherever they are kept */
    SlaDowngrades(Function<Instant, List<LedgerEntry>> inForceAt) {
        this.inForceAt = inForceAt;
    }

    /** Takes a downgrade this node just wrote into account now. */
    void add(LedgerEntry downgrade) {
        inForce.merge(downgrade.clientId(), downgrade, SlaDowngrades::later);
    }

    /** {@code client} at the tier it is scored at now: lowered while a downgrade is in force. Blocks to read the store now and then. */
    Client effective(Client client, Instant now) {
        refreshIfStale(now);
        LedgerEntry d = inForce.get(client.clientId());
        if (d == null || !d.downgradeInForce(now) || d.toTier() == null) {
            return client;
        }
        return client.updated(client.name(), d.toTier());
    }

    private void refreshIfStale(Instant now) {
        if (Duration.between(readAt, now).compareTo(REFRESH) < 0) {
            return;
        }
        List<LedgerEntry> current = inForceAt.apply(now);
        inForce.values().removeIf(d -> !d.downgradeInForce(now));
        current.forEach(this::add);
        readAt = now;
    }

    private static LedgerEntry later(LedgerEntry a, LedgerEntry b) {
        return a.until().isAfter(b.until()) ? a : b;
    }
}
