package io.arbiter.app;

import io.arbiter.arbitration.PlatformRoster;
import io.arbiter.grid.GridStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rosters of the platforms this member decides for ({@link PlatformRoster}: a platform's
 * instances grouped as a decision reads them), kept from one decision to the next. Each request
 * asks the grid what changed among the platform's instances since the roster kept was made (one
 * small read in the platform's partition, {@link GridStore#instancesChangedSince}): nothing, and
 * the roster is used as it is; a few instances, and those are read and patched in; more than the
 * platform's change log holds, and all the platform's instances are read and grouped anew.
 *
 * <p>A roster is also made anew from all the instances once {@value #MAX_AGE_SECONDS} s have passed
 * since it was, whatever the log says (a healed split may have merged instances without counting
 * them), and at most {@value #MOST_PLATFORMS} platforms' rosters are kept, the least recently used
 * given up first.
 */
final class PlatformRosters {

    static final int MAX_AGE_SECONDS = 60;
    static final int MOST_PLATFORMS = 64;

    /** A roster up to date at {@code revision}, patched from one read whole at {@code readWholeAt}. */
    private record Kept(long revision, Instant readWholeAt, PlatformRoster roster) {
    }

    private final GridStore grid;
    private final Clock clock;
    private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MOST_PLATFORMS;
        }
    };
    private final AtomicLong readWhole = new AtomicLong();
    private final AtomicLong patched = new AtomicLong();

    PlatformRosters(GridStore grid, Clock clock) {
        this.grid = grid;
        this.clock = clock;
    }

    /** The roster of {@code platformId}'s instances as they are now (empty for a platform without any). */
    CompletionStage<PlatformRoster> roster(String platformId) {
        Instant now = clock.instant();
        Kept k;
        synchronized (kept) {
            k = kept.get(platformId);
        }
        if (k == null || !now.isBefore(k.readWholeAt().plus(Duration.ofSeconds(MAX_AGE_SECONDS)))) {
            return readWhole(platformId, now);
        }
        return grid.instancesChangedSince(platformId, k.revision()).thenCompose(changes -> {
            if (!changes.complete()) {
                return readWhole(platformId, now);
            }
            if (changes.revision() == k.revision()) {
                return CompletableFuture.completedFuture(k.roster());
            }
            PlatformRoster roster = k.roster().patched(changes.instances(), changes.formerClients());
            patched.incrementAndGet();
            keep(platformId, new Kept(changes.revision(), k.readWholeAt(), roster));
            return CompletableFuture.completedFuture(roster);
        });
    }

    private CompletionStage<PlatformRoster> readWhole(String platformId, Instant now) {
        return grid.instanceRevision(platformId).thenCompose(revision -> grid.instancesOn(platformId)
                .thenApply(instances -> {
                    PlatformRoster roster = PlatformRoster.of(instances);
                    readWhole.incrementAndGet();
                    keep(platformId, new Kept(revision, now, roster));
                    return roster;
                }));
    }

    /** Keeps {@code next} unless a roster of a later revision is kept already. */
    private void keep(String platformId, Kept next) {
        synchronized (kept) {
            Kept current = kept.get(platformId);
            if (current == null || current.revision() <= next.revision()) {
                kept.put(platformId, next);
            }
        }
    }

    /** How many rosters were made from all of a platform's instances so far. */
    long readWhole() {
        return readWhole.get();
    }

    /** How many rosters were made by patching in the instances that changed. */
    long patched() {
        return patched.get();
    }
}
