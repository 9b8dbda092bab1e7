package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DecayingHistogramTest {

    private final DecayingHistogram histogram = new DecayingHistogram(1000, 0.01, 1.05);

    @Test
    void eachBucketIsFivePercentWiderThanTheOneBefore() {
        for (int b = 1; b < 100; b++) {
            double width = histogram.bucketStart(b + 1) - histogram.bucketStart(b);
            double previous = histogram.bucketStart(b) - histogram.bucketStart(b - 1);
            assertThat(width / previous).isCloseTo(1.05, within(1e-9));
        }
        assertThat(histogram.bucketStart(1)).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void aValueFallsInTheBucketThatCoversIt() {
        for (double value : new double[] {0, 0.005, 0.01, 0.5, 1, 3.7, 999}) {
            int bucket = histogram.bucketOf(value);
            assertThat(histogram.bucketStart(bucket)).isLessThanOrEqualTo(value);
            assertThat(histogram.bucketStart(bucket + 1)).isGreaterThan(value);
        }
    }

    @Test
    void thePercentileIsTheEndOfTheBucketWhereTheWeightReachesIt() {
        histogram.add(1, 8);
        histogram.add(3, 2);

        assertThat(histogram.percentile(0.8)).isEqualTo(histogram.bucketStart(histogram.bucketOf(1) + 1));
        assertThat(histogram.percentile(0.81)).isEqualTo(histogram.bucketStart(histogram.bucketOf(3) + 1));
    }

    @Test
    void weightDecidesThePercentileNotTheNumberOfSamples() {
        histogram.add(1, 1);
        histogram.add(5, 0.01);
        histogram.add(5, 0.01);
        histogram.add(5, 0.01);

        assertThat(histogram.percentile(0.9)).isLessThan(1.1);
    }

    @Test
    void anEmptyHistogramGivesZero() {
        assertThat(histogram.percentile(0.9)).isZero();
        histogram.add(2, 1);
        histogram.clear();
        assertThat(histogram.percentile(0.9)).isZero();
    }
}
