package dev.memoria.ports.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The audit entry of one governance run: which task, for whom (null user: a scheduled run over all users), on
 * which instance, what it changed ({@code counts}), what went wrong without stopping it ({@code warnings}) and
 * the safety snapshots taken first.
 */
public record GovernanceRun(String runId, String task, String userId, String instanceId, Instant startedAt,
                            Instant finishedAt, String status, Map<String, Long> counts, List<String> warnings,
                            List<String> snapshots) {

    public GovernanceRun {
        counts = Map.copyOf(counts);
        warnings = List.copyOf(warnings);
        snapshots = List.copyOf(snapshots);
    }
}
