package io.arbiter.scoring;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A bounded usage history of one series, for forecasting: five-minute slots for the last day and
 * hourly slots for the fourteen days in all, each with the count, mean and peak of CPU, memory and
 * network.
 *
 * <p>Feed it one series: an instance's samples, or a client's totals (the sum of the latest sample
 * of each of its running instances). Every sample goes into both rings; {@link #window} reads the
 * five-minute slots for the last day and the hourly ones before, without gap or overlap. The state is two rings of
 * primitive arrays whose size never changes, about 20 KB whatever the sample rate
 * ({@link #SERIALIZED_BYTES} when exported); adding a sample allocates nothing.
 *
 * <p>Not thread-safe: one owner updates it (the grid member that owns the client's partition).
 */
public final class UsageHistory {

    /** Length of a fine slot: five minutes. */
    public static final Duration FINE_SLOT = Duration.ofMinutes(5);
    /** How far back fine slots reach: one day. */
    public static final Duration FINE_SPAN = Duration.ofDays(1);
    /** Length of a coarse slot: one hour. */
    public static final Duration COARSE_SLOT = Duration.ofHours(1);
    /** How far back the history reaches: fourteen days. */
    public static final Duration SPAN = Duration.ofDays(14);

    private static final byte FORMAT = 1;
    private static final long NONE = Long.MIN_VALUE;
    private static final int HOURS_PER_DAY = (int) FINE_SPAN.toHours();

    /** The size of {@link #toBytes()}, whatever has been added. */
    public static final int SERIALIZED_BYTES = new UsageHistory().serializedSize();

    /** The fine ring reaches back one hour more than a day, so that a day back from any whole hour is in it. */
    private final SlotRing fine = new SlotRing(slots(FINE_SPAN.plus(COARSE_SLOT), FINE_SLOT), (int) FINE_SLOT.toSeconds());
    private final SlotRing coarse = new SlotRing(slots(SPAN, COARSE_SLOT), (int) COARSE_SLOT.toSeconds());
    private long latestSecond = NONE;
    private float latestCpu;
    private float latestMemoryGiB;
    private float latestNetworkMbps;

    /**
     * Adds one sample. A sample older than what its slot now holds (more than a day old for the
     * five-minute slots, fourteen days for the hourly ones) is dropped from that ring.
     *
     * @throws IllegalArgumentException if a usage is negative or not finite
     */
    public void add(Instant time, double cpu, double memoryGiB, double networkMbps) {
        Checks.requireUsage(cpu, memoryGiB, networkMbps);
        long second = time.getEpochSecond();
        float c = (float) cpu;
        float m = (float) memoryGiB;
        float n = (float) networkMbps;
        fine.add(second, c, m, n);
        coarse.add(second, c, m, n);
        if (second >= latestSecond) {
            latestSecond = second;
            latestCpu = c;
            latestMemoryGiB = m;
            latestNetworkMbps = n;
        }
    }

    /** The newest sample added, if any. */
    public Optional<UsageReading> latest() {
        return latestSecond == NONE ? Optional.empty()
                : Optional.of(new UsageReading(Instant.ofEpochSecond(latestSecond), latestCpu, latestMemoryGiB, latestNetworkMbps));
    }

    /**
     * The slots that hold samples, oldest first, as seen at {@code now}: hourly slots from fourteen
     * days back up to the whole hour a day before {@code now}, then five-minute slots from there up
     * to the one that holds {@code now}. Samples after that slot are left out.
     */
    public List<UsageSlot> window(Instant now) {
        long second = now.getEpochSecond();
        int hour = coarse.slotOf(second);
        long fineStart = (long) (hour - HOURS_PER_DAY) * coarse.slotSeconds();
        List<UsageSlot> slots = new ArrayList<>(fine.size() + coarse.size());
        coarse.collect(hour - coarse.size() + 1, hour - HOURS_PER_DAY - 1, slots);
        fine.collect(fine.slotOf(fineStart), fine.slotOf(second), slots);
        return slots;
    }

    /** The whole state in {@link #SERIALIZED_BYTES} bytes; {@link #fromBytes} reads it back. */
    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(serializedSize());
        out.put(FORMAT).putLong(latestSecond).putFloat(latestCpu).putFloat(latestMemoryGiB).putFloat(latestNetworkMbps);
        fine.write(out);
        coarse.write(out);
        return out.array();
    }

    /**
     * Reads back what {@link #toBytes()} wrote.
     *
     * @throws IllegalArgumentException if the bytes are not a history of this format
     */
    public static UsageHistory fromBytes(byte[] bytes) {
        UsageHistory history = new UsageHistory();
        if (bytes.length != SERIALIZED_BYTES || bytes[0] != FORMAT) {
            throw new IllegalArgumentException("not a usage history of format " + FORMAT + " (" + bytes.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        history.latestSecond = in.getLong();
        history.latestCpu = in.getFloat();
        history.latestMemoryGiB = in.getFloat();
        history.latestNetworkMbps = in.getFloat();
        history.fine.read(in);
        history.coarse.read(in);
        return history;
    }

    private int serializedSize() {
        return 1 + Long.BYTES + 3 * Float.BYTES + fine.serializedSize() + coarse.serializedSize();
    }

    private static int slots(Duration span, Duration slot) {
        return Math.toIntExact(span.dividedBy(slot));
    }
}
