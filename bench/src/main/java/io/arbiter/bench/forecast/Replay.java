package io.arbiter.bench.forecast;

import io.arbiter.scoring.Forecaster;
import io.arbiter.scoring.Projection;
import io.arbiter.scoring.TraceSample;
import io.arbiter.scoring.UsageHistory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Replays one VM's samples through a {@link UsageHistory} and, at every whole hour of the evaluated
 * stretch, asks each forecaster for a projection over the horizon with all earlier samples fed, then
 * scores it against the samples that actually came in that horizon.
 */
final class Replay {

    private final List<Forecaster> forecasters;
    private final Duration horizon;
    private final Tally[] tallies;

    /** The running totals of one forecaster. */
    static final class Tally {
        final Score cpu = new Score();
        final Score memory = new Score();
        long nanos;
        long projections;
    }

    Replay(List<Forecaster> forecasters, Duration horizon) {
        this.forecasters = forecasters;
        this.horizon = horizon;
        this.tallies = new Tally[forecasters.size()];
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new Tally();
        }
    }

    Tally tally(int forecaster) {
        return tallies[forecaster];
    }

    /**
     * Replays one VM.
     *
     * @param samples all its samples, ordered by time: history first, then the evaluated stretch
     * @param from the first evaluated sample's time; projections start at the next whole hour
     * @return how many hours were evaluated
     */
    int run(List<TraceSample> samples, Instant from) {
        UsageHistory history = new UsageHistory();
        Instant last = samples.get(samples.size() - 1).time();
        int fed = 0;
        int hours = 0;
        for (Instant now = ceilHour(from); now.isBefore(last); now = now.plus(Duration.ofHours(1))) {
            while (fed < samples.size() && samples.get(fed).time().isBefore(now)) {
                TraceSample s = samples.get(fed++);
                history.add(s.time(), s.cpu(), s.memoryGiB(), s.networkMbps());
            }
            int end = fed;
            Instant until = now.plus(horizon);
            while (end < samples.size() && samples.get(end).time().isBefore(until)) {
                end++;
            }
            if (end == fed) {
                continue;
            }
            hours++;
            for (int f = 0; f < forecasters.size(); f++) {
                score(f, history, now, samples.subList(fed, end));
            }
        }
        return hours;
    }

    private void score(int f, UsageHistory history, Instant now, List<TraceSample> actual) {
        long start = System.nanoTime();
        Projection p = forecasters.get(f).project(history, now, horizon);
        Tally t = tallies[f];
        t.nanos += System.nanoTime() - start;
        t.projections++;
        for (TraceSample s : actual) {
            t.cpu.add(p.cpu(), s.cpu());
            t.memory.add(p.memoryGiB(), s.memoryGiB());
        }
    }

    private static Instant ceilHour(Instant t) {
        Instant floor = t.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(t) ? t : floor.plus(Duration.ofHours(1));
    }
}
