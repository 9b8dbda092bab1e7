package io.arbiter.grid;

import io.arbiter.domain.Event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Group commit: batches that arrive while {@value #PASSES} passes over the grid are under way wait,
 * and the next pass applies all the waiting ones together (up to {@value #MOST_EVENTS} events):
 * one fold per partition of the instances' usage and one per partition of their clients' for all
 * of them, where each batch alone would pay for its own. Each caller still learns which of its own events were applied (the others were
 * duplicates, also of an event in another batch of the same pass); when a pass fails, every batch
 * in it fails and none is acknowledged.
 */
final class GroupCommit {

    static final int PASSES = 2;
    static final int MOST_EVENTS = 10_000;

    /** One pass over the grid: applies {@code events}, answers those applied (the others are duplicates). */
    interface Pass {
        CompletionStage<List<Event>> apply(List<Event> events, Map<String, InstanceLocation> locationOf);
    }

    private record Waiting(List<Event> events, Map<String, InstanceLocation> locationOf, CompletableFuture<List<Event>> done) {
    }

    private final Pass pass;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private int running;

    GroupCommit(Pass pass) {
        this.pass = pass;
    }

    /** Applies {@code events} in the next pass; answers those of them that were applied. */
    CompletionStage<List<Event>> apply(List<Event> events, Map<String, InstanceLocation> locationOf) {
        Waiting waiting = new Waiting(events, locationOf, new CompletableFuture<>());
        synchronized (this) {
            queue.add(waiting);
        }
        startPasses();
        return waiting.done();
    }

    private void startPasses() {
        List<Waiting> group;
        while ((group = nextGroup()) != null) {
            run(group);
        }
    }

    private synchronized List<Waiting> nextGroup() {
        if (running >= PASSES || queue.isEmpty()) {
            return null;
        }
        running++;
        List<Waiting> group = new ArrayList<>();
        int events = 0;
        do {
            Waiting w = queue.poll();
            group.add(w);
            events += w.events().size();
        } while (!queue.isEmpty() && events + queue.peek().events().size() <= MOST_EVENTS);
        return group;
    }

    private void run(List<Waiting> group) {
        List<Event> events = new ArrayList<>();
        Map<String, InstanceLocation> locationOf = new HashMap<>();
        for (Waiting w : group) {
            events.addAll(w.events());
            locationOf.putAll(w.locationOf());
        }
        CompletionStage<List<Event>> applied;
        try {
            applied = pass.apply(events, locationOf);
        } catch (RuntimeException e) {
            applied = CompletableFuture.failedFuture(e);
        }
        applied.whenComplete((fresh, failure) -> {
            synchronized (this) {
                running--;
            }
            if (failure != null) {
                group.forEach(w -> w.done().completeExceptionally(failure));
            } else {
                Set<Event> applies = Collections.newSetFromMap(new IdentityHashMap<>(fresh.size() * 2));
                applies.addAll(fresh);
                group.forEach(w -> w.done().complete(w.events().stream().filter(applies::contains).toList()));
            }
            startPasses();
        });
    }
}
