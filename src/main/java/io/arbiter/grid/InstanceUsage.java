package io.arbiter.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.domain.UsageAggregate;

import java.util.Arrays;

/**
 * What the grid keeps of one instance's usage: its aggregate, and the ids of the instance's usage
 * events accepted lately, so that the check for a re-sent sample and the fold of a new one are one
 * operation on one entry ({@link UsageBatch}), with no separate claim of the id.
 *
 * <p>The ids are kept as 64-bit hashes ({@link #hash}), in the order they were accepted, each with
 * the time it was accepted: for the de-duplication window after that time, and at most the
 * {@value #REMEMBERED} latest of the instance (the oldest are forgotten first). A usage event whose
 * id is remembered is a duplicate. Two different ids of one instance would have to share a hash to
 * be confused — about one chance in 10<sup>13</sup> for 2,048 ids — and the confusion would count a
 * new sample as a duplicate, never apply one twice. Each remembered id takes 16 bytes (its hash and
 * when it was accepted): at most 32 KB an instance. Mutable: it lives in a map of in-memory format
 * {@code OBJECT} and only its partition's thread changes it.
 */
final class InstanceUsage {

    /** How many of an instance's latest usage event ids are remembered at most. */
    static final int REMEMBERED = 2048;
    private static final int FIRST_CAPACITY = 8;

    private UsageAggregate aggregate;
    /** The remembered ids and when each was accepted (epoch milliseconds): a ring, oldest at {@code head}. */
    private long[] ids;
    private long[] acceptedAt;
    private int head;
    private int size;

    InstanceUsage() {
        this(UsageAggregate.empty(), new long[0], new long[0]);
    }

    private InstanceUsage(UsageAggregate aggregate, long[] idsOldestFirst, long[] acceptedAtOldestFirst) {
        this.aggregate = aggregate;
        int n = Math.min(idsOldestFirst.length, REMEMBERED);
        int from = idsOldestFirst.length - n;
        this.ids = Arrays.copyOfRange(idsOldestFirst, from, from + capacityFor(n));
        this.acceptedAt = Arrays.copyOfRange(acceptedAtOldestFirst, from, from + capacityFor(n));
        this.size = n;
    }

    /** The aggregate of the samples applied. */
    UsageAggregate aggregate() {
        return aggregate;
    }

    void aggregate(UsageAggregate aggregate) {
        this.aggregate = aggregate;
    }

    /** Forgets the ids accepted before {@code millis} (epoch milliseconds). */
    void forgetBefore(long millis) {
        while (size > 0 && acceptedAt[head] < millis) {
            head = (head + 1) & (ids.length - 1);
            size--;
        }
    }

    /** Whether {@code id} is remembered: an event with it was accepted lately. */
    boolean knows(long id) {
        long[] known = ids;
        int mask = known.length - 1;
        for (int k = 0, at = head; k < size; k++, at = (at + 1) & mask) {
            if (known[at] == id) {
                return true;
            }
        }
        return false;
    }

    /** Remembers {@code id}, accepted at {@code millis}; forgets the oldest id when {@value #REMEMBERED} are remembered. */
    void remember(long id, long millis) {
        if (size == ids.length) {
            if (ids.length < REMEMBERED) {
                long[] grownIds = inOrder(ids, ids.length * 2);
                acceptedAt = inOrder(acceptedAt, grownIds.length);
                ids = grownIds;
                head = 0;
            } else {
                head = (head + 1) & (ids.length - 1);
                size--;
            }
        }
        int at = (head + size) & (ids.length - 1);
        ids[at] = id;
        acceptedAt[at] = millis;
        size++;
    }

    /** How many ids are remembered. */
    int remembered() {
        return size;
    }

    /** {@code ring}'s remembered slots, oldest first, in an array of {@code length}. */
    private long[] inOrder(long[] ring, int length) {
        long[] ordered = new long[length];
        int tail = Math.min(size, ring.length - head);
        System.arraycopy(ring, head, ordered, 0, tail);
        System.arraycopy(ring, 0, ordered, tail, size - tail);
        return ordered;
    }

    private static int capacityFor(int size) {
        int capacity = FIRST_CAPACITY;
        while (capacity < size) {
            capacity *= 2;
        }
        return capacity;
    }

    /**
     * A 64-bit hash of an event id: FNV-1a over its characters, then MurmurHash3's finaliser so that
     * ids that differ in their last characters differ in every bit.
     */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int k = 0, n = id.length(); k < n; k++) {
            h = (h ^ id.charAt(k)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** Compact form: the aggregate, and the remembered ids with their times, oldest first. */
    static final class Serializer implements CompactSerializer<InstanceUsage> {
        @Override
        public InstanceUsage read(CompactReader in) {
            return new InstanceUsage(in.readCompact("aggregate"), in.readArrayOfInt64("eventIds"),
                    in.readArrayOfInt64("acceptedAt"));
        }

        @Override
        public void write(CompactWriter out, InstanceUsage u) {
            out.writeCompact("aggregate", u.aggregate);
            out.writeArrayOfInt64("eventIds", u.inOrder(u.ids, u.size));
            out.writeArrayOfInt64("acceptedAt", u.inOrder(u.acceptedAt, u.size));
        }

        @Override
        public String getTypeName() {
            return "arbiter.InstanceUsage";
        }

        @Override
        public Class<InstanceUsage> getCompactClass() {
            return InstanceUsage.class;
        }
    }
}
