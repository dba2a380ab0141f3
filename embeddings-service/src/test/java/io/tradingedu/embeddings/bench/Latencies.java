package io.tradingedu.embeddings.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one series of requests in milliseconds, summarised by nearest-rank percentiles. */
final class Latencies {

    private final double[] millis;
    private int size;

    Latencies(int capacity) {
        this.millis = new double[capacity];
    }

    void add(long nanos) {
        millis[size++] = nanos / 1e6;
    }

    double percentile(double p) {
        double[] sorted = Arrays.copyOf(millis, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * size);
        return sorted[Math.max(0, rank - 1)];
    }

    double mean() {
        return Arrays.stream(millis, 0, size).average().orElse(Double.NaN);
    }

    /** "p50 | p95 | p99 | mean" cells of a Markdown table. */
    String cells() {
        return String.format(Locale.ROOT, "%.1f | %.1f | %.1f | %.1f", percentile(50), percentile(95),
                percentile(99), mean());
    }
}
