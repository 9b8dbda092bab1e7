package io.arbiter.app;

import io.arbiter.domain.Instance;
import io.arbiter.domain.Notice;
import io.arbiter.domain.Platform;
import io.arbiter.domain.UsageAggregate;
import io.arbiter.grid.GridDecisionLog;
import io.arbiter.grid.GridStore;
import io.arbiter.http.PlatformForecasts;
import io.arbiter.policy.Policy;
import io.arbiter.policy.PolicyEngine;
import io.arbiter.scoring.PlatformForecast;
import io.arbiter.scoring.UsageSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Predicted contention: projects each platform's running instances over the policy's horizon
 * against its capacity ({@link PlatformForecast}) and, after every scoring pass, flags the platforms
 * whose projection exceeds the policy's fraction — in the answer of
 * {@code GET /v1/platforms/{id}/forecast}, in metrics, and as a notice in the decision log when a
 * platform becomes flagged — before any contention arrives.
 */
final class ContentionForecaster implements PlatformForecasts {

    private static final Logger LOG = LoggerFactory.getLogger(ContentionForecaster.class);

    private final GridStore grid;
    private final GridDecisionLog log;
    private final PolicyEngine engine;
    private final Clock clock;
    private final Set<String> flagged = ConcurrentHashMap.newKeySet();
    private final Counter predictions;

    ContentionForecaster(GridStore grid, GridDecisionLog log, PolicyEngine engine, Clock clock,
                         MeterRegistry registry) {
        this.grid = grid;
        this.log = log;
        this.engine = engine;
        this.clock = clock;
        this.predictions = Counter.builder("arbiter.contention.predicted")
                .description("Times a platform became predicted to contend").register(registry);
        Gauge.builder("arbiter.platforms.contention.predicted", flagged, Set::size)
                .description("Platforms whose projected demand exceeds the policy's share of capacity")
                .register(registry);
    }

    @Override
    public CompletionStage<Optional<PlatformForecast>> forecast(String platformId) {
        return grid.platform(platformId).thenCompose(p -> p.isEmpty()
                ? CompletableFuture.completedFuture(Optional.<PlatformForecast>empty())
                : project(p.get(), clock.instant()).thenApply(Optional::of));
    }

    /** Re-evaluates every platform; records a notice for each that became flagged. */
    CompletionStage<Void> evaluateAll() {
        Instant now = clock.instant();
        return grid.platforms().thenCompose(platforms -> {
            List<CompletableFuture<PlatformForecast>> all = new ArrayList<>();
            platforms.forEach(p -> all.add(project(p, now).toCompletableFuture()));
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenCompose(done -> {
                List<CompletableFuture<Void>> notes = new ArrayList<>();
                for (CompletableFuture<PlatformForecast> f : all) {
                    notes.add(track(f.join(), now).toCompletableFuture());
                }
                return CompletableFuture.allOf(notes.toArray(CompletableFuture[]::new));
            });
        });
    }

    private CompletionStage<Void> track(PlatformForecast f, Instant now) {
        if (!f.contentionPredicted()) {
            flagged.remove(f.platformId());
            return CompletableFuture.completedFuture(null);
        }
        if (!flagged.add(f.platformId())) {
            return CompletableFuture.completedFuture(null);
        }
        predictions.increment();
        String message = String.format(Locale.ROOT, "contention predicted on %s within %s: projected %.2f cpu "
                        + "(%.0f%% of capacity) and %.2f GiB (%.0f%%), above %.0f%%", f.platformId(), f.horizon(),
                f.projected().cpu(), 100 * f.cpuShare(), f.projected().memoryGiB(), 100 * f.memoryShare(),
                100 * f.threshold());
        LOG.info(message);
        return log.notice(new Notice("n-" + f.platformId() + "-" + now.toEpochMilli(), f.platformId(),
                "contention-predicted", now, message));
    }

    private CompletionStage<PlatformForecast> project(Platform platform, Instant now) {
        Policy policy = engine.current().policy().policy();
        return grid.runningWithUsage(platform.platformId()).thenCompose(running -> {
            Set<String> clients = new HashSet<>();
            running.keySet().forEach(i -> clients.add(i.clientId()));
            return grid.summaries(clients, now, policy.forecast().horizon()).thenApply(summaries ->
                    PlatformForecast.project(platform.platformId(), platform.capacity(), policy.forecast().horizon(),
                            outlooks(running, summaries), policy.forecast().contentionFraction()));
        });
    }

    private static List<PlatformForecast.InstanceOutlook> outlooks(Map<Instance, UsageAggregate> running,
                                                                  Map<String, UsageSummary> summaries) {
        List<PlatformForecast.InstanceOutlook> list = new ArrayList<>(running.size());
        running.forEach((i, usage) -> {
            double[] growth = PlatformForecast.growth(summaries.get(i.clientId()));
            boolean hasUsage = usage != null && usage.latest() != null;
            list.add(new PlatformForecast.InstanceOutlook(i.resources(), hasUsage ? usage.latest().cpu() : 0,
                    hasUsage ? usage.latest().memoryGiB() : 0, hasUsage, growth[0], growth[1]));
        });
        return list;
    }
}
