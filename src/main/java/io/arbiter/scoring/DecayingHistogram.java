package io.arbiter.scoring;

import java.util.Arrays;

/**
 * A weighted histogram with exponentially growing buckets, as in the Kubernetes VPA recommender:
 * the first bucket covers {@code [0, firstBucket)} and each next one is {@code ratio} times wider,
 * so the relative error stays about {@code ratio - 1} across the whole range. Decay is the
 * caller's: it passes each sample's weight already decayed.
 */
final class DecayingHistogram {

    private final double firstBucket;
    private final double ratio;
    private final double[] weights;
    private double total;

    /**
     * @param maxValue the start of the last bucket is at least this (larger values land in it)
     * @param firstBucket the width of the first bucket
     * @param ratio how much wider each bucket is than the one before; above 1
     */
    DecayingHistogram(double maxValue, double firstBucket, double ratio) {
        if (!(maxValue > 0 && firstBucket > 0 && ratio > 1)) {
            throw new IllegalArgumentException("need maxValue > 0, firstBucket > 0, ratio > 1");
        }
        this.firstBucket = firstBucket;
        this.ratio = ratio;
        this.weights = new double[(int) Math.ceil(Math.log(maxValue * (ratio - 1) / firstBucket + 1) / Math.log(ratio)) + 1];
    }

    /** Adds {@code weight} to the bucket of {@code value}. */
    void add(double value, double weight) {
        weights[bucketOf(value)] += weight;
        total += weight;
    }

    /** Forgets every sample. */
    void clear() {
        Arrays.fill(weights, 0);
        total = 0;
    }

    /**
     * The end of the bucket where the cumulative weight reaches {@code share} of the total (the
     * start of the last bucket if it is reached there); 0 when empty.
     */
    double percentile(double share) {
        if (total <= 0) {
            return 0;
        }
        double threshold = share * total;
        double sum = 0;
        int last = lastNonEmpty();
        int bucket = 0;
        for (; bucket < last; bucket++) {
            sum += weights[bucket];
            if (sum >= threshold) {
                break;
            }
        }
        return bucket < weights.length - 1 ? bucketStart(bucket + 1) : bucketStart(bucket);
    }

    int bucketOf(double value) {
        if (value < firstBucket) {
            return 0;
        }
        int bucket = (int) (Math.log(value * (ratio - 1) / firstBucket + 1) / Math.log(ratio));
        return Math.min(bucket, weights.length - 1);
    }

    double bucketStart(int bucket) {
        return bucket == 0 ? 0 : firstBucket * (Math.pow(ratio, bucket) - 1) / (ratio - 1);
    }

    private int lastNonEmpty() {
        int last = weights.length - 1;
        while (last > 0 && weights[last] <= 0) {
            last--;
        }
        return last;
    }
}
