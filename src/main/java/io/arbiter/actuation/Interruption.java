package io.arbiter.actuation;

import io.arbiter.domain.ActionStatus;
import io.arbiter.domain.Instance;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one interrupt action: {@code graceful} (shutdown asked, with the grace period), then
 * {@code stopped} if the instance stops in time, or {@code terminated} after a forced termination
 * when the grace period ends or the shutdown call fails; {@code failed} if even termination fails.
 * Each state is reported once to the listener; late answers after a final state are ignored.
 */
public final class Interruption {

    private final String actionId;
    private final Instance instance;
    private final Duration grace;
    private final PlatformDriver driver;
    private final Scheduler scheduler;
    private final ActionListener listener;
    private final AtomicBoolean settled = new AtomicBoolean();
    private final AtomicBoolean forcing = new AtomicBoolean();
    private volatile Scheduler.Cancellable graceTimer;

    public Interruption(String actionId, Instance instance, Duration grace, PlatformDriver driver, Scheduler scheduler,
                        ActionListener listener) {
        this.actionId = actionId;
        this.instance = instance;
        this.grace = grace;
        this.driver = driver;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    /** Starts the interruption; everything after happens on the driver's and scheduler's threads. */
    public void start() {
        listener.changed(actionId, ActionStatus.GRACEFUL, scheduler.now(), "graceful shutdown asked, grace " + grace);
        graceTimer = scheduler.schedule(grace, () -> force("grace period of " + grace + " ended"));
        driver.shutdown(instance, grace).whenComplete((v, failure) -> {
            if (failure == null) {
                settle(ActionStatus.STOPPED, "stopped gracefully");
            } else {
                force("graceful shutdown failed: " + rootMessage(failure));
            }
        });
    }

    private void force(String why) {
        if (settled.get() || !forcing.compareAndSet(false, true)) {
            return;
        }
        Scheduler.Cancellable timer = graceTimer;
        if (timer != null) {
            timer.cancel();
        }
        driver.terminate(instance).whenComplete((v, failure) -> {
            if (failure == null) {
                settle(ActionStatus.TERMINATED, "terminated: " + why);
            } else {
                settle(ActionStatus.FAILED, "termination failed: " + rootMessage(failure) + " (after: " + why + ")");
            }
        });
    }

    private void settle(ActionStatus status, String note) {
        if (settled.compareAndSet(false, true)) {
            Scheduler.Cancellable timer = graceTimer;
            if (timer != null) {
                timer.cancel();
            }
            listener.changed(actionId, status, scheduler.now(), note);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t != t.getCause()) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
