package io.arbiter.actuation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The state a simulated backend holds: keys to values, every write (put or delete) bumping one
 * version counter. Each entry remembers the version that last wrote it and each deletion leaves a
 * tombstone with its version, so that {@link #copySince} can say exactly what changed after an
 * earlier copy, deletions included. Thread-safe.
 */
final class KeyValueState {

    /** One stored value and the version that wrote it. */
    record Entry(byte[] value, long version) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, Long> tombstones = new HashMap<>();
    private long version;

    /** Stores {@code value} under {@code key}; answers the new version. */
    synchronized long put(String key, byte[] value) {
        version++;
        entries.put(key, new Entry(value.clone(), version));
        tombstones.remove(key);
        return version;
    }

    /** The entry under {@code key}, if any. */
    synchronized Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Removes {@code key}; answers the new version, or nothing when there was no such key. */
    synchronized OptionalLong delete(String key) {
        if (!entries.containsKey(key)) {
            return OptionalLong.empty();
        }
        version++;
        entries.remove(key);
        tombstones.put(key, version);
        return OptionalLong.of(version);
    }

    /** The version of the latest write (0 before any). */
    synchronized long version() {
        return version;
    }

    /** How many keys are stored. */
    synchronized int size() {
        return entries.size();
    }

    /** Everything stored, as a full copy. */
    synchronized StateCopy copyAll() {
        return new StateCopy(version, -1, Map.copyOf(entries), Set.of());
    }

    /** What changed after version {@code since}: entries written later, keys deleted later. */
    synchronized StateCopy copySince(long since) {
        Map<String, Entry> changed = new HashMap<>();
        entries.forEach((k, e) -> {
            if (e.version() > since) {
                changed.put(k, e);
            }
        });
        Set<String> deleted = new HashSet<>();
        tombstones.forEach((k, v) -> {
            if (v > since) {
                deleted.add(k);
            }
        });
        return new StateCopy(version, since, changed, deleted);
    }

    /**
     * Takes a copy in: a full copy replaces everything, a delta adds its entries and removes its
     * deletions. Applying the same copy twice gives the same state.
     */
    synchronized void apply(StateCopy copy) {
        if (copy.isFull()) {
            entries.clear();
            tombstones.clear();
        }
        entries.putAll(copy.entries());
        for (String key : copy.deletions()) {
            entries.remove(key);
            tombstones.put(key, copy.version());
        }
        version = Math.max(version, copy.version());
    }
}
