package io.arbiter.bench.ingest;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's cores went between two moments: this JVM (servers and load generator),
 * other processes, and time the hypervisor gave to other machines (steal); and how much of the
 * JVM's went to its JIT compilers, which shows whether the warm-up was long enough. On a small shared
 * machine the figures mean little unless this JVM had the cores to itself. Reads
 * {@code /proc/stat}; only this JVM's share is known where that file does not exist.
 */
final class CpuShare {

    private static final int USER = 1;
    private static final int IDLE = 4;
    private static final int IOWAIT = 5;
    private static final int STEAL = 8;

    private final long[] ticks;
    private final long processNanos;
    private final long wallNanos;
    private final long compilingMillis;

    private CpuShare(long[] ticks, long processNanos, long wallNanos, long compilingMillis) {
        this.ticks = ticks;
        this.processNanos = processNanos;
        this.wallNanos = wallNanos;
        this.compilingMillis = compilingMillis;
    }

    static CpuShare now() {
        long[] ticks = null;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            ticks = new long[STEAL + 1];
            for (int i = USER; i <= STEAL && i < cpu.length; i++) {
                ticks[i] = Long.parseLong(cpu[i]);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: only this JVM's share is known
        }
        long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compiling = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        return new CpuShare(ticks, process, System.nanoTime(), compiling);
    }

    /** The cores this JVM kept busy from {@code start} to this moment, on average (2.0 is both cores of 2). */
    double jvmCores(CpuShare start) {
        return (processNanos - start.processNanos) / (double) (wallNanos - start.wallNanos);
    }

    /**
     * For example "cores: 71% this JVM, 20% other processes, 9% stolen, 0% idle; JIT 2% of this
     * JVM's", from {@code start} to this moment.
     */
    String since(CpuShare start) {
        return cores(start) + jit(start);
    }

    /** The per cent of this JVM's CPU its JIT compilers took from {@code start} to this moment; -1 if unknown. */
    double jitPercent(CpuShare start) {
        if (compilingMillis < 0 || start.compilingMillis < 0) {
            return -1;
        }
        double cpuMillis = (processNanos - start.processNanos) / 1e6;
        return 100.0 * (compilingMillis - start.compilingMillis) / Math.max(1, cpuMillis);
    }

    private String jit(CpuShare start) {
        double percent = jitPercent(start);
        return percent < 0 ? "" : String.format(Locale.ROOT, "; JIT %.0f%% of this JVM's", percent);
    }

    private String cores(CpuShare start) {
        double jvm = 100.0 * jvmCores(start) / Runtime.getRuntime().availableProcessors();
        if (ticks == null || start.ticks == null) {
            return String.format(Locale.ROOT, "cores: %.0f%% this JVM", jvm);
        }
        long total = 0;
        for (int i = USER; i <= STEAL; i++) {
            total += ticks[i] - start.ticks[i];
        }
        double idle = 100.0 * (ticks[IDLE] - start.ticks[IDLE] + ticks[IOWAIT] - start.ticks[IOWAIT]) / total;
        double steal = 100.0 * (ticks[STEAL] - start.ticks[STEAL]) / total;
        double others = Math.max(0, 100 - idle - steal - jvm);
        return String.format(Locale.ROOT, "cores: %.0f%% this JVM, %.0f%% other processes, %.0f%% stolen, %.0f%% idle",
                jvm, others, steal, idle);
    }
}
