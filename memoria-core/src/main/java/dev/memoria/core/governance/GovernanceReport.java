package dev.memoria.core.governance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one governance run did: counters by name (stable keys, also exported as metrics), warnings of operations
 * that failed without stopping the run, the safety snapshots taken first and operation-specific details
 * (conflict pairs, say). Status: {@code success}, {@code degraded} (warnings) or {@code skipped}.
 */
public record GovernanceReport(String operation, String userId, String status, Map<String, Long> counts,
                               List<String> warnings, List<String> snapshots, Map<String, Object> details) {

    public GovernanceReport {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        warnings = List.copyOf(warnings);
        snapshots = List.copyOf(snapshots);
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public long count(String name) {
        return counts.getOrDefault(name, 0L);
    }
}
