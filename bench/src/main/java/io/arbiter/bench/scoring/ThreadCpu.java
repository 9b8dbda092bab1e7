package io.arbiter.bench.scoring;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time of this process's Java threads, by thread name with digits folded ({@code vert.x-eventloop-thread-#}),
 * to show where a run's CPU went; what the threads do not account for is the JVM's own (garbage
 * collection, compilation).
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> byThread = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();

    /** The CPU time of every live thread now. */
    static ThreadCpu now() {
        ThreadCpu snapshot = new ThreadCpu();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    snapshot.byThread.put(info.getThreadId(), cpu);
                    snapshot.names.put(info.getThreadId(), info.getThreadName().replaceAll("\\d+", "#"));
                }
            }
        }
        return snapshot;
    }

    /** CPU time used since {@code before}, by folded thread name, most first. */
    Map<String, Long> since(ThreadCpu before) {
        Map<String, Long> used = new HashMap<>();
        byThread.forEach((id, cpu) -> used.merge(names.get(id), cpu - before.byThread.getOrDefault(id, 0L), Long::sum));
        return used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
