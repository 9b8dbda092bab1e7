package io.arbiter.bench.ingest;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what one load run got back: answers that acknowledged every event sent (counted only
 * inside the measured period) and failures of any kind (counted over the whole run, warm-up
 * included). Safe to call from any thread.
 */
final class Tally {

    private final LongAdder events = new LongAdder();
    private final LongAdder answers = new LongAdder();
    private final LongAdder sentEvents = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private volatile boolean measuring;
    private long startNanos;
    private long endNanos;

    /** An answer that acknowledged all of its {@code count} events. */
    void acknowledged(int count) {
        sentEvents.add(count);
        if (measuring) {
            events.add(count);
            answers.increment();
        }
    }

    /** An answer that was an error, acknowledged the wrong number of events, or never came. */
    void failed(int count, String why) {
        sentEvents.add(count);
        failures.increment();
        firstFailure.compareAndSet(null, why);
    }

    void startMeasuring() {
        startNanos = System.nanoTime();
        measuring = true;
    }

    void stopMeasuring() {
        measuring = false;
        endNanos = System.nanoTime();
    }

    Result result() {
        double seconds = (endNanos - startNanos) / 1e9;
        return new Result(events.sum() / seconds, answers.sum() / seconds, sentEvents.sum(), failures.sum(),
                firstFailure.get());
    }

    /**
     * @param eventsPerSecond events acknowledged per second in the measured period
     * @param answersPerSecond requests or frames acknowledged per second in the measured period
     * @param sent events sent over the whole run
     * @param failures failed answers over the whole run
     * @param firstFailure what went wrong first, or null
     */
    record Result(double eventsPerSecond, double answersPerSecond, long sent, long failures, String firstFailure) {
    }
}
