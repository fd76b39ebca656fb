package dev.memoria.it.load;

import org.HdrHistogram.Histogram;

/**
 * Latencies and outcomes of one operation. Not thread-safe: each worker keeps its own and they are merged at
 * the end, so recording never contends. Latencies are kept in microseconds with 3 significant digits, which
 * keeps the p99 exact to 0.1 % up to the 10 minute ceiling.
 */
public final class OperationStats {

    private static final long MAX_MICROS = 600_000_000L;

    private final Histogram latencies = new Histogram(MAX_MICROS, 3);
    private long errors;
    private long items;

    public void success(long nanos, int itemCount) {
        latencies.recordValue(Math.min(MAX_MICROS, Math.max(1, nanos / 1_000)));
        items += itemCount;
    }

    public void error() {
        errors++;
    }

    public void add(OperationStats other) {
        latencies.add(other.latencies);
        errors += other.errors;
        items += other.items;
    }

    public long successes() {
        return latencies.getTotalCount();
    }

    public long errors() {
        return errors;
    }

    public long items() {
        return items;
    }

    /** Latency at {@code percentile} (0–100) in milliseconds. */
    public double millisAt(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1_000.0;
    }

    public double maxMillis() {
        return latencies.getMaxValue() / 1_000.0;
    }

    public double meanMillis() {
        return latencies.getMean() / 1_000.0;
    }
}
