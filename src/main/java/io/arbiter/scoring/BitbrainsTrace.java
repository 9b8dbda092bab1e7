package io.arbiter.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a Bitbrains (GWA-T-12) VM trace file, plain or gzip-compressed, into samples ordered by time.
 *
 * <p>The format's traps, all handled: fields are separated by {@code ;} followed by a TAB (each field
 * is trimmed); the header says {@code [ms]} but timestamps are Unix seconds (a timestamp that could
 * only be milliseconds is refused); any number may be written in exponent form
 * ({@code 1.6777216E7}); steps are irregular (299, 300, 301 s) with samples missing, which is left
 * as it is; rows are sorted by time, and of rows that repeat a timestamp only the first is kept.
 * Memory is given in KB (KiB) and network in KB/s (KiB/s) received and transmitted; they become GiB
 * and megabits per second (received plus transmitted).
 */
public final class BitbrainsTrace {

    private static final int COLUMNS = 11;
    private static final double KIB_PER_GIB = 1024.0 * 1024;
    private static final double MEGABITS_PER_KIB = 1024 * 8 / 1e6;
    /** Later than 5138-11-16 in seconds, so surely milliseconds. */
    private static final double LARGEST_SECONDS = 1e11;

    private BitbrainsTrace() {
    }

    /**
     * The samples of one trace file ({@code .gz} files are decompressed), ordered by time.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and line, if a row is malformed
     */
    public static List<TraceSample> read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader, file.toString());
        }
    }

    /**
     * The samples of a trace read from {@code reader}, ordered by time.
     *
     * @param source names the input in error messages
     * @throws IllegalArgumentException naming the source and line, if a row is malformed
     */
    public static List<TraceSample> parse(BufferedReader reader, String source) throws IOException {
        List<TraceSample> samples = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || (number == 1 && line.startsWith("Timestamp"))) {
                continue;
            }
            samples.add(row(line, source + ":" + number));
        }
        return firstOfEachTime(samples);
    }

    private static TraceSample row(String line, String where) {
        String[] fields = line.split(";");
        if (fields.length < COLUMNS) {
            throw new IllegalArgumentException(where + ": expected " + COLUMNS + " fields, found " + fields.length);
        }
        double[] v = new double[COLUMNS];
        for (int i = 0; i < COLUMNS; i++) {
            try {
                v[i] = Double.parseDouble(fields[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": field " + (i + 1) + " is not a number: '" + fields[i].trim() + "'");
            }
        }
        if (!(v[0] >= 0 && v[0] < LARGEST_SECONDS)) {
            throw new IllegalArgumentException(where + ": timestamp " + fields[0].trim() + " is not Unix seconds");
        }
        return new TraceSample(Instant.ofEpochSecond(Math.round(v[0])), (int) Math.round(v[1]), v[2], v[3],
                v[5] / KIB_PER_GIB, v[6] / KIB_PER_GIB, (v[9] + v[10]) * MEGABITS_PER_KIB);
    }

    private static List<TraceSample> firstOfEachTime(List<TraceSample> samples) {
        samples.sort(Comparator.comparing(TraceSample::time));
        List<TraceSample> kept = new ArrayList<>(samples.size());
        for (TraceSample sample : samples) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).time().equals(sample.time())) {
                kept.add(sample);
            }
        }
        return kept;
    }
}
