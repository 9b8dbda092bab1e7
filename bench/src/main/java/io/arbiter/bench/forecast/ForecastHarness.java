package io.arbiter.bench.forecast;

import io.arbiter.scoring.Forecaster;
import io.arbiter.scoring.SeasonalPeakForecaster;
import io.arbiter.scoring.TraceSample;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares forecasters on the Bitbrains VM traces.
 *
 * <p>For every VM, at every whole hour (UTC) from the first sample of the evaluated month's file to
 * its last, with all earlier samples (the months before and the month so far) fed through a
 * {@link io.arbiter.scoring.UsageHistory}, each forecaster projects CPU (in cores: usage MHz over the
 * MHz of one core) and memory (GiB) over the next hour; the projection is scored against every
 * sample in that hour. Prints, per forecaster and pooled over all VMs, the under-provision rate and
 * the mean slack for CPU and memory and the time spent projecting, then whether the shipped
 * forecaster beats the VPA-style baseline.
 *
 * <p>Run from the project folder:
 * {@code bin/bench io.arbiter.bench.forecast.ForecastHarness [TRACE_DIR] [MONTH]}; the defaults are
 * {@code ../shared/data/bitbrains-rnd} (from the current folder, else from the project folder) and
 * {@code 2013-8}.
 */
public final class ForecastHarness {

    static final Duration HORIZON = Forecaster.DEFAULT_HORIZON;
    private static final String DEFAULT_MONTH = "2013-8";

    private ForecastHarness() {
    }

    /** Runs the comparison; arguments: {@code [TRACE_DIR] [MONTH]}. */
    public static void main(String[] args) {
        if (args.length > 2) {
            System.err.println("usage: ForecastHarness [TRACE_DIR] [MONTH]");
            System.exit(2);
        }
        long start = System.nanoTime();
        TraceFolder folder = args.length > 0 ? new TraceFolder(Path.of(args[0]).toAbsolutePath().normalize())
                : TraceFolder.locateDefault();
        YearMonth month = TraceFolder.month(args.length > 1 ? args[1] : DEFAULT_MONTH);
        List<YearMonth> months = new ArrayList<>(folder.monthsBefore(month));
        months.add(month);
        List<Forecaster> forecasters = forecasters();
        Replay replay = new Replay(forecasters, HORIZON);
        List<String> vms = folder.vms(month);
        long hours = 0;
        for (String vm : vms) {
            List<TraceSample> evaluated = folder.samples(vm, month);
            if (!evaluated.isEmpty()) {
                hours += replay.run(folder.samples(vm, months), evaluated.get(0).time());
            }
        }
        ResultTable table = new ResultTable(forecasters, replay);
        System.out.print(table.render(vms.size(), month, months, hours));
        System.out.println();
        System.out.println(table.verdict(Forecaster.shipped().name(), Forecaster.vpa().name()));
        System.out.printf(Locale.ROOT, "Whole run, reading the traces included: %.1f s%n", (System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "Rerun: bin/bench %s %s %s%n", ForecastHarness.class.getName(),
                folder.root(), TraceFolder.folderName(month));
    }

    /** The rows: the baselines, the shipped forecaster, and the shipped one without its seasonal term. */
    static List<Forecaster> forecasters() {
        SeasonalPeakForecaster shipped = SeasonalPeakForecaster.standard();
        Forecaster recentOnly = new SeasonalPeakForecaster(shipped.lookback(), shipped.margin(), 0, shipped.rank());
        return List.of(Forecaster.lastValue(), Forecaster.vpa(), shipped,
                new Renamed("seasonal-peak without seasonal term", recentOnly));
    }
}
