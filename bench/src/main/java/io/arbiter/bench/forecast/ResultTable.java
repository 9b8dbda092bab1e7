package io.arbiter.bench.forecast;

import io.arbiter.scoring.Forecaster;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders the harness's results as a Markdown table, one row per forecaster. */
record ResultTable(List<Forecaster> forecasters, Replay replay) {

    String render(int vms, YearMonth month, List<YearMonth> months, long hours) {
        StringBuilder out = new StringBuilder();
        Replay.Tally first = replay.tally(0);
        out.append(String.format(Locale.ROOT,
                "%d VMs, month %s (history: %s), %,d VM-hours, horizon %s, %,d samples scored per resource%n%n",
                vms, TraceFolder.folderName(month),
                months.stream().map(TraceFolder::folderName).collect(Collectors.joining(" + ")),
                hours, ForecastHarness.HORIZON, first.cpu.samples()));
        out.append("| forecaster | CPU under-provision | CPU mean slack | memory under-provision | memory mean slack | time per projection | total time |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (int f = 0; f < forecasters.size(); f++) {
            Replay.Tally t = replay.tally(f);
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.1f µs | %.2f s |%n",
                    forecasters.get(f).name(),
                    percent(t.cpu.underProvisionRate()), percent(t.cpu.meanSlack()),
                    percent(t.memory.underProvisionRate()), percent(t.memory.meanSlack()),
                    t.nanos / 1e3 / Math.max(1, t.projections), t.nanos / 1e9));
        }
        return out.toString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /**
     * Whether {@code candidate} leaves less mean slack than {@code baseline} at an under-provision
     * rate no higher, for CPU and for memory.
     */
    String verdict(String candidate, String baseline) {
        Replay.Tally c = tallyOf(candidate);
        Replay.Tally b = tallyOf(baseline);
        return String.format(Locale.ROOT, "%s against %s: CPU %s; memory %s", candidate, baseline,
                compare(c.cpu, b.cpu), compare(c.memory, b.memory));
    }

    private Replay.Tally tallyOf(String name) {
        for (int f = 0; f < forecasters.size(); f++) {
            if (forecasters.get(f).name().equals(name)) {
                return replay.tally(f);
            }
        }
        throw new IllegalArgumentException("no row named " + name);
    }

    private static String compare(Score candidate, Score baseline) {
        boolean better = candidate.meanSlack() < baseline.meanSlack()
                && candidate.underProvisionRate() <= baseline.underProvisionRate();
        return String.format(Locale.ROOT, "slack %s vs %s at under-provision %s vs %s, %s",
                percent(candidate.meanSlack()), percent(baseline.meanSlack()),
                percent(candidate.underProvisionRate()), percent(baseline.underProvisionRate()),
                better ? "better" : "NOT better");
    }
}
