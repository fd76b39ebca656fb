package dev.memoria.core.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the counters, warnings and snapshots of one run while it executes. */
final class RunRecorder {

    private final String operation;
    private final String userId;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> snapshots = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    RunRecorder(String operation, String userId) {
        this.operation = operation;
        this.userId = userId;
    }

    void add(String counter, long amount) {
        counts.merge(counter, amount, Long::sum);
    }

    void declare(String... counters) {
        for (String counter : counters) {
            counts.putIfAbsent(counter, 0L);
        }
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    void snapshot(String name) {
        snapshots.add(name);
    }

    void detail(String key, Object value) {
        details.put(key, value);
    }

    GovernanceReport report() {
        return new GovernanceReport(operation, userId, warnings.isEmpty() ? "success" : "degraded", counts, warnings,
                snapshots, details);
    }
}
