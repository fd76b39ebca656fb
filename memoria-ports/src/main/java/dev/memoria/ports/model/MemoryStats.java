package dev.memoria.ports.model;

import java.time.Instant;
import java.util.Map;

/** Aggregate over a branch's active memories. */
public record MemoryStats(Map<MemoryType, Long> byType, long total, double averageConfidence,
                          Instant oldest, Instant newest) {

    public MemoryStats {
        byType = Map.copyOf(byType);
    }
}
