package io.arbiter.bench.forecast;

import io.arbiter.scoring.BitbrainsTrace;
import io.arbiter.scoring.TraceSample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Bitbrains trace folder: one sub-folder per month ({@code 2013-7}, {@code 2013-8}), one
 * {@code <vm>.csv.gz} file per VM in each.
 *
 * @param root the folder that holds the month folders
 */
record TraceFolder(Path root) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-M");
    private static final String SUFFIX = ".csv.gz";
    private static final Path DEFAULT = Path.of("..", "shared", "data", "bitbrains-rnd");

    /**
     * The default folder: {@code ../shared/data/bitbrains-rnd} from the current folder if it
     * exists there, otherwise from the project folder ({@code arbiter.home} or {@code $ARBITER_HOME}).
     */
    static TraceFolder locateDefault() {
        Path here = DEFAULT.toAbsolutePath().normalize();
        if (Files.isDirectory(here)) {
            return new TraceFolder(here);
        }
        String home = Optional.ofNullable(System.getProperty("arbiter.home")).orElse(System.getenv("ARBITER_HOME"));
        if (home != null && Files.isDirectory(Path.of(home).resolve(DEFAULT))) {
            return new TraceFolder(Path.of(home).resolve(DEFAULT).toAbsolutePath().normalize());
        }
        throw new IllegalArgumentException("no trace folder at " + here + (home == null ? "" : " nor under " + home)
                + "; pass it as the first argument");
    }

    /** Parses a month folder's name, such as {@code 2013-8}. */
    static YearMonth month(String name) {
        return YearMonth.parse(name, MONTH);
    }

    /** The folder name of a month, such as {@code 2013-8}. */
    static String folderName(YearMonth month) {
        return MONTH.format(month);
    }

    /** The VM ids that have a file in {@code month}, in numeric order. */
    List<String> vms(YearMonth month) {
        Path folder = root.resolve(folderName(month));
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no month folder " + folder);
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .sorted(Comparator.comparingLong(Long::parseLong))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The months before {@code month} that have a folder, oldest first. */
    List<YearMonth> monthsBefore(YearMonth month) {
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{4}-\\d{1,2}"))
                    .map(TraceFolder::month)
                    .filter(m -> m.isBefore(month))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One VM's samples of one month; empty if the VM has no file that month. */
    List<TraceSample> samples(String vm, YearMonth month) {
        Path file = root.resolve(folderName(month)).resolve(vm + SUFFIX);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return BitbrainsTrace.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One VM's samples of the given months together, ordered by time, later repeats of a timestamp dropped. */
    List<TraceSample> samples(String vm, List<YearMonth> months) {
        List<TraceSample> all = new ArrayList<>();
        for (YearMonth month : months) {
            for (TraceSample sample : samples(vm, month)) {
                if (all.isEmpty() || sample.time().isAfter(all.get(all.size() - 1).time())) {
                    all.add(sample);
                }
            }
        }
        return all;
    }
}
