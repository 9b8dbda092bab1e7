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
 * when it was accepted), and an index finds it without reading the others: a table of positions in
 * the ring, 8 bytes an id at most, made again from the ring once as many ids were remembered as
 * the ring holds (forgotten ids drop out then). At most 48 KB an instance. Mutable: it lives in a
 * map of in-memory format {@code OBJECT} and only its partition's thread changes it.
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
    /**
     * Open addressing by id: each slot holds a position in the ring, plus one (0: empty). A slot whose
     * position is no longer remembered, or now holds another id, is passed over; none is removed
     * until the table is made again. Made on first use after the entry is read back.
     */
    private short[] index;
    /** Ids remembered since the index was last made. */
    private int indexedSince;

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
        if (size == 0) {
            return false;
        }
        if (index == null) {
            reindex();
        }
        int mask = index.length - 1;
        for (int p = slotOf(id, mask); ; p = (p + 1) & mask) {
            int entry = index[p];
            if (entry == 0) {
                return false;
            }
            int at = entry - 1;
            if (ids[at] == id && remembers(at)) {
                return true;
            }
        }
    }

    /** True when ring position {@code at} holds a remembered id (it lies between the oldest and the newest). */
    private boolean remembers(int at) {
        return ((at - head) & (ids.length - 1)) < size;
    }

    /** Adds ring position {@code at}, holding {@code id}, to the index; makes the index again when it is due. */
    private void index(long id, int at) {
        if (index == null || ++indexedSince >= ids.length) {
            reindex();
            return;
        }
        int mask = index.length - 1;
        int p = slotOf(id, mask);
        while (index[p] != 0) {
            p = (p + 1) & mask;
        }
        index[p] = (short) (at + 1);
    }

    /**
     * Makes the index from the ring: four slots for each position, so that it is at most half full
     * when it is made again, after as many more ids as the ring holds.
     */
    private void reindex() {
        index = new short[ids.length * 4];
        indexedSince = 0;
        int mask = index.length - 1;
        for (int k = 0, at = head; k < size; k++, at = (at + 1) & (ids.length - 1)) {
            int p = slotOf(ids[at], mask);
            while (index[p] != 0) {
                p = (p + 1) & mask;
            }
            index[p] = (short) (at + 1);
        }
    }

    private static int slotOf(long id, int mask) {
        return (int) (id ^ (id >>> 32)) & mask;
    }

    /** Remembers {@code id}, accepted at {@code millis}; forgets the oldest id when {@value #REMEMBERED} are remembered. */
    void remember(long id, long millis) {
        if (size == ids.length) {
            if (ids.length < REMEMBERED) {
                long[] grownIds = inOrder(ids, ids.length * 2);
                acceptedAt = inOrder(acceptedAt, grownIds.length);
                ids = grownIds;
                head = 0;
                index = null;
            } else {
                head = (head + 1) & (ids.length - 1);
                size--;
            }
        }
        int at = (head + size) & (ids.length - 1);
        ids[at] = id;
        acceptedAt[at] = millis;
        size++;
        index(id, at);
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
