package io.arbiter.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three ways of sending usage events that the benchmark measures, and the target of each. */
enum Scenario {

    /** NDJSON batches over HTTP: Arbiter must store at least 150,000 events/s. */
    NDJSON("usage, NDJSON %,d per POST", "events/s", 150_000, 0),
    /** JSON arrays over one WebSocket, a window of frames in flight: at least 150,000 events/s. */
    WS("usage, WebSocket %,d per frame", "events/s", 150_000, 0),
    /** One event per POST: Arbiter must answer at least half the requests/s of the bare server. */
    SINGLE("usage, one event per POST", "requests/s", 0, 0.5);

    private final String title;
    private final String unit;
    private final double absoluteTarget;
    private final double ratioTarget;

    Scenario(String title, String unit, double absoluteTarget, double ratioTarget) {
        this.title = title;
        this.unit = unit;
        this.absoluteTarget = absoluteTarget;
        this.ratioTarget = ratioTarget;
    }

    /** The table's name of the scenario, with the events per request or frame. */
    String title(BenchOptions o) {
        return switch (this) {
            case NDJSON -> String.format(Locale.ROOT, title, o.batch());
            case WS -> String.format(Locale.ROOT, title, o.frame());
            case SINGLE -> title;
        };
    }

    String unit() {
        return unit;
    }

    /** The target as written in the table. */
    String target() {
        return absoluteTarget > 0 ? String.format(Locale.ROOT, ">= %,.0f", absoluteTarget)
                : String.format(Locale.ROOT, ">= %.1f x bare", ratioTarget);
    }

    boolean met(double arbiter, double bare) {
        return absoluteTarget > 0 ? arbiter >= absoluteTarget : arbiter >= ratioTarget * bare;
    }

    String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<Scenario> list(String names) {
        List<Scenario> list = new ArrayList<>();
        for (String name : names.split(",")) {
            try {
                list.add(valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown scenario '" + name + "': use ndjson, ws or single");
            }
        }
        return list;
    }

    static String names(List<Scenario> scenarios) {
        return scenarios.stream().map(Scenario::flag).collect(Collectors.joining(","));
    }
}
