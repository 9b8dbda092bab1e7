package io.arbiter.actuation;

import java.util.Map;
import java.util.Set;

/**
 * The content of one simulated snapshot: all entries (a full copy) or those written after version
 * {@code since} together with the keys deleted after it (a delta).
 *
 * @param version the state's version when the copy was taken
 * @param since the version the delta starts after, or -1 for a full copy
 */
record StateCopy(long version, long since, Map<String, KeyValueState.Entry> entries, Set<String> deletions) {

    StateCopy {
        entries = Map.copyOf(entries);
        deletions = Set.copyOf(deletions);
    }

    /** A copy of nothing, for instances that hold no state. */
    static StateCopy empty() {
        return new StateCopy(0, -1, Map.of(), Set.of());
    }

    boolean isFull() {
        return since < 0;
    }

    /** Bytes of keys and values carried, for the snapshot's size. */
    long bytes() {
        long total = 0;
        for (Map.Entry<String, KeyValueState.Entry> e : entries.entrySet()) {
            total += e.getKey().length() + e.getValue().value().length;
        }
        for (String key : deletions) {
            total += key.length();
        }
        return total;
    }
}
