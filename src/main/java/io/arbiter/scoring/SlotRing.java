package io.arbiter.scoring;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * A ring of fixed-length time slots, each holding the sample count and the sum and peak of CPU,
 * memory and network. A slot is reused when time comes round to it again; its tag (the slot's
 * number since the epoch) tells which period it currently holds. Everything lives in three
 * primitive arrays whose size is fixed at construction.
 */
final class SlotRing {

    private static final int EMPTY = Integer.MIN_VALUE;
    /** Per slot: CPU sum, CPU peak, memory sum, memory peak, network sum, network peak. */
    private static final int FIELDS = 6;

    private final int slotSeconds;
    private final int[] tags;
    private final int[] counts;
    private final float[] values;

    SlotRing(int slots, int slotSeconds) {
        this.slotSeconds = slotSeconds;
        this.tags = new int[slots];
        this.counts = new int[slots];
        this.values = new float[slots * FIELDS];
        Arrays.fill(tags, EMPTY);
    }

    int slotSeconds() {
        return slotSeconds;
    }

    int size() {
        return tags.length;
    }

    /** The number of the slot that holds {@code epochSecond}. */
    int slotOf(long epochSecond) {
        return Math.toIntExact(Math.floorDiv(epochSecond, slotSeconds));
    }

    /** Adds one sample; a sample older than the period its slot now holds is dropped. */
    void add(long epochSecond, float cpu, float memoryGiB, float networkMbps) {
        int slot = slotOf(epochSecond);
        int i = Math.floorMod(slot, tags.length);
        if (tags[i] != slot) {
            if (tags[i] > slot) {
                return;
            }
            tags[i] = slot;
            counts[i] = 0;
            Arrays.fill(values, i * FIELDS, (i + 1) * FIELDS, 0f);
        }
        counts[i]++;
        int b = i * FIELDS;
        accumulate(b, cpu);
        accumulate(b + 2, memoryGiB);
        accumulate(b + 4, networkMbps);
    }

    private void accumulate(int at, float value) {
        values[at] += value;
        values[at + 1] = Math.max(values[at + 1], value);
    }

    /** Appends the non-empty slots numbered {@code fromSlot} to {@code toSlot} (inclusive), oldest first. */
    void collect(int fromSlot, int toSlot, List<UsageSlot> out) {
        for (int slot = Math.max(fromSlot, toSlot - tags.length + 1); slot <= toSlot; slot++) {
            int i = Math.floorMod(slot, tags.length);
            if (tags[i] == slot && counts[i] > 0) {
                int b = i * FIELDS;
                int n = counts[i];
                out.add(new UsageSlot((long) slot * slotSeconds, slotSeconds, n,
                        values[b] / n, values[b + 1], values[b + 2] / n, values[b + 3], values[b + 4] / n, values[b + 5]));
            }
        }
    }

    /** The bytes {@link #write} needs. */
    int serializedSize() {
        return tags.length * (Integer.BYTES * 2 + Float.BYTES * FIELDS);
    }

    void write(ByteBuffer out) {
        for (int i = 0; i < tags.length; i++) {
            out.putInt(tags[i]).putInt(counts[i]);
            for (int f = 0; f < FIELDS; f++) {
                out.putFloat(values[i * FIELDS + f]);
            }
        }
    }

    void read(ByteBuffer in) {
        for (int i = 0; i < tags.length; i++) {
            tags[i] = in.getInt();
            counts[i] = in.getInt();
            for (int f = 0; f < FIELDS; f++) {
                values[i * FIELDS + f] = in.getFloat();
            }
        }
    }
}
