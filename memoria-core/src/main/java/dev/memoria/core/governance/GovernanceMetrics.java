package dev.memoria.core.governance;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Process-local counters of governance work ({@code governance.<operation>.runs}, {@code governance.<counter>}),
 * for the metrics endpoint. The audit log in the database is the durable, cluster-wide record.
 */
public final class GovernanceMetrics {

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    void record(GovernanceReport report) {
        increment("governance." + report.operation() + ".runs", 1);
        if (!"success".equals(report.status())) {
            increment("governance." + report.operation() + "." + report.status(), 1);
        }
        report.counts().forEach((name, value) -> increment("governance." + name, value));
        increment("governance.snapshot_created", report.snapshots().size());
    }

    private void increment(String name, long amount) {
        counters.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(amount);
    }

    /** Every counter, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((name, value) -> copy.put(name, value.get()));
        return copy;
    }
}
