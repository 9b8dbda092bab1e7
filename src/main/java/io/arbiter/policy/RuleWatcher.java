package io.arbiter.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Watches the rules folder and reloads the rules when a {@code .drl} file in it is created, saved
 * or deleted: events are gathered until none has come for the debounce delay (200 ms by default),
 * then the engine recompiles once. A saved change is in force within about half a second. A reload
 * that fails is logged with each problem's {@code file:line}, and the rules in force stay.
 * Runs on one daemon thread; {@link #close()} stops it.
 */
public final class RuleWatcher implements AutoCloseable {

    /** How long the folder must be quiet before a reload. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(200);

    private static final Logger LOG = LoggerFactory.getLogger(RuleWatcher.class);
    private static final long IDLE_POLL_MS = 1_000;

    private final Path dir;
    private final WatchService watch;
    private final Supplier<RuleReload> reload;
    private final long debounceNanos;
    private final Thread thread;

    private RuleWatcher(Path dir, Supplier<RuleReload> reload, Duration debounce) throws IOException {
        this.dir = dir;
        this.reload = reload;
        this.debounceNanos = debounce.toNanos();
        this.watch = dir.getFileSystem().newWatchService();
        dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = new Thread(this::run, "rule-watcher");
        thread.setDaemon(true);
    }

    /** Starts watching {@code engine}'s rules folder. */
    public static RuleWatcher start(PolicyEngine engine) throws IOException {
        return start(engine.rulesDir(), engine::reloadRules, DEFAULT_DEBOUNCE);
    }

    /** Starts watching {@code dir}, calling {@code reload} once a burst of changes has settled. */
    public static RuleWatcher start(Path dir, Supplier<RuleReload> reload, Duration debounce) throws IOException {
        RuleWatcher watcher = new RuleWatcher(dir, reload, debounce);
        watcher.thread.start();
        return watcher;
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            LOG.warn("closing the watch of {} failed", dir, e);
        }
    }

    private void run() {
        long due = 0; // System.nanoTime() at which to reload; 0 when nothing is pending
        try {
            while (true) {
                long waitNanos = due == 0 ? TimeUnit.MILLISECONDS.toNanos(IDLE_POLL_MS) : due - System.nanoTime();
                WatchKey key = waitNanos > 0 ? watch.poll(waitNanos, TimeUnit.NANOSECONDS) : null;
                if (key != null) {
                    if (touchesRuleFile(key)) {
                        due = System.nanoTime() + debounceNanos;
                    }
                    if (!key.reset()) {
                        LOG.warn("the rules folder {} is gone; no longer watching it", dir);
                        return;
                    }
                } else if (due != 0 && System.nanoTime() - due >= 0) {
                    due = 0;
                    reloadAndLog();
                }
            }
        } catch (ClosedWatchServiceException e) {
            LOG.debug("stopped watching {}", dir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean touchesRuleFile(WatchKey key) {
        boolean touches = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            touches |= event.kind() == StandardWatchEventKinds.OVERFLOW
                    || event.context() instanceof Path p && p.getFileName().toString().endsWith(".drl");
        }
        return touches;
    }

    private void reloadAndLog() {
        try {
            RuleReload result = reload.get();
            if (result instanceof RuleReload.Reloaded r && r.changed()) {
                LOG.info("rules reloaded from {}: revision {}", dir, r.rules().revision());
            } else if (result instanceof RuleReload.Failed f) {
                LOG.warn("rules in {} not reloaded; revision {} stays in force:\n  {}", dir, f.kept().revision(),
                        String.join("\n  ", f.problems()));
            }
        } catch (RuntimeException e) {
            LOG.error("reloading the rules in {} failed", dir, e);
        }
    }
}
