package io.arbiter.grid;

import io.arbiter.domain.Event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Group commit: batches of usage that arrive while a pass over the grid is under way wait, and the
 * next pass applies all the waiting ones together (up to {@value #MOST_EVENTS} events): one fold per
 * partition of the instances' usage and one per partition of their clients' for all of them, where
 * each batch alone would pay for its own. One pass at a time: a second one running beside it would
 * only halve what each pass takes together, and so double the grid's calls per event. Each caller still learns which of
 * its own events were applied (the others were duplicates, also of an event in another batch of
 * the same pass); when a pass fails, every batch in it fails and none is acknowledged.
 */
final class GroupCommit {

    static final int PASSES = 1;
    static final int MOST_EVENTS = 10_000;

    /** One pass over the grid: applies {@code events}, each at {@code at[i]}; answers which were applied. */
    interface Pass {
        CompletionStage<boolean[]> apply(List<Event.UsageReported> events, InstanceLocation[] at);
    }

    private record Waiting(List<Event.UsageReported> events, Map<String, InstanceLocation> locationOf,
                           CompletableFuture<boolean[]> done) {
    }

    private final Pass pass;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private int running;

    GroupCommit(Pass pass) {
        this.pass = pass;
    }

    /**
     * Applies {@code events} in the next pass; answers which of them were applied.
     *
     * @param locationOf where each instance the events name runs
     */
    CompletionStage<boolean[]> apply(List<Event.UsageReported> events, Map<String, InstanceLocation> locationOf) {
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
        int n = 0;
        for (Waiting w : group) {
            n += w.events().size();
        }
        List<Event.UsageReported> events = new ArrayList<>(n);
        InstanceLocation[] at = new InstanceLocation[n];
        for (Waiting w : group) {
            for (Event.UsageReported e : w.events()) {
                at[events.size()] = w.locationOf().get(e.sample().instanceId());
                events.add(e);
            }
        }
        CompletionStage<boolean[]> applied;
        try {
            applied = pass.apply(events, at);
        } catch (RuntimeException e) {
            applied = CompletableFuture.failedFuture(e);
        }
        applied.whenComplete((flags, failure) -> {
            synchronized (this) {
                running--;
            }
            int from = 0;
            for (Waiting w : group) {
                if (failure != null) {
                    w.done().completeExceptionally(failure);
                } else {
                    boolean[] own = new boolean[w.events().size()];
                    System.arraycopy(flags, from, own, 0, own.length);
                    w.done().complete(own);
                }
                from += w.events().size();
            }
            startPasses();
        });
    }
}
