package io.arbiter.actuation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scheduler whose time moves only when a test says so. */
public final class ManualScheduler implements Scheduler {

    private Instant now;
    private final List<Task> tasks = new ArrayList<>();

    private static final class Task implements Cancellable {
        final Instant due;
        final Runnable run;
        boolean cancelled;

        Task(Instant due, Runnable run) {
            this.due = due;
            this.run = run;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    public ManualScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(now.plus(delay), task);
        tasks.add(t);
        return t;
    }

    /** Moves time forward by {@code step}, running every task that falls due, in order. */
    public void advance(Duration step) {
        Instant until;
        synchronized (this) {
            until = now.plus(step);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.cancelled && !t.due.isAfter(until))
                        .min(Comparator.comparing(t -> t.due)).orElse(null);
                if (next == null) {
                    now = until;
                    return;
                }
                tasks.remove(next);
                now = next.due;
            }
            next.run.run();
        }
    }
}
