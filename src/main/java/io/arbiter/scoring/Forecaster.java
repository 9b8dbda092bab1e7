package io.arbiter.scoring;

import java.time.Duration;
import java.time.Instant;

/**
 * Projects a client's need for CPU and memory over a horizon from its {@link UsageHistory}.
 *
 * <p>Implementations are stateless and thread-safe; they read the history and never change it. With
 * no history at all they project zero. Pick one by {@link #name()} with {@link #named(String)}.
 */
public interface Forecaster {

    /** The horizon used when none is given: one hour. */
    Duration DEFAULT_HORIZON = Duration.ofHours(1);

    /** A short, stable name, used in configuration and in {@link Projection#source()}. */
    String name();

    /**
     * The projected need over {@code [now, now + horizon)}.
     *
     * @param history the client's usage history
     * @param now the time of the projection; slots after it are not read
     * @param horizon how far ahead to look; positive
     */
    Projection project(UsageHistory history, Instant now, Duration horizon);

    /** The projected need over the {@link #DEFAULT_HORIZON}. */
    default Projection project(UsageHistory history, Instant now) {
        return project(history, now, DEFAULT_HORIZON);
    }

    /** The newest sample, as it is. */
    static Forecaster lastValue() {
        return new LastValueForecaster();
    }

    /** The Kubernetes VPA recommender's target: 90th percentile of a decaying histogram, plus 15 %. */
    static Forecaster vpa() {
        return VpaForecaster.standard();
    }

    /** The forecaster Arbiter ships with: {@link SeasonalPeakForecaster#standard()}. */
    static Forecaster shipped() {
        return SeasonalPeakForecaster.standard();
    }

    /**
     * The forecaster of that name: {@code last-value}, {@code vpa} or {@code seasonal-peak}.
     *
     * @throws IllegalArgumentException for any other name
     */
    static Forecaster named(String name) {
        for (Forecaster forecaster : new Forecaster[] {lastValue(), vpa(), shipped()}) {
            if (forecaster.name().equals(name)) {
                return forecaster;
            }
        }
        throw new IllegalArgumentException("no forecaster named '" + name + "' (known: last-value, vpa, seasonal-peak)");
    }
}
