package dev.memoria.it.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** What one timed run did, per operation, and how to print it. */
public record LoadReport(Workload workload, int concurrency, Duration elapsed, Map<Operation, OperationStats> stats) {

    public long totalSuccesses() {
        return stats.values().stream().mapToLong(OperationStats::successes).sum();
    }

    public long totalErrors() {
        return stats.values().stream().mapToLong(OperationStats::errors).sum();
    }

    public void print(PrintStream out) {
        double seconds = elapsed.toNanos() / 1e9;
        out.printf("workload=%s concurrency=%d duration=%.1fs%n", workload.name().toLowerCase(), concurrency, seconds);
        out.printf("%-12s %8s %6s %9s %10s %8s %8s %8s %8s%n",
                "operation", "ok", "errors", "calls/s", "items/s", "p50 ms", "p95 ms", "p99 ms", "max ms");
        stats.forEach((operation, s) -> out.printf("%-12s %8d %6d %9.1f %10.1f %8.1f %8.1f %8.1f %8.1f%n",
                operation.label(), s.successes(), s.errors(), s.successes() / seconds, s.items() / seconds,
                s.millisAt(50), s.millisAt(95), s.millisAt(99), s.maxMillis()));
    }
}
