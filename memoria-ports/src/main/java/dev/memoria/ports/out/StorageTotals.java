package dev.memoria.ports.out;

import dev.memoria.ports.model.MemoryType;

import java.util.Map;

/**
 * Sizes of the whole store: users, active memories on every branch (and how many of each type), row versions
 * kept, branches and snapshots.
 */
public record StorageTotals(long users, long activeMemories, Map<MemoryType, Long> activeByType, long rowVersions,
                            long branches, long snapshots) {

    public StorageTotals {
        activeByType = Map.copyOf(activeByType);
    }

    public static final StorageTotals EMPTY = new StorageTotals(0, 0, Map.of(), 0, 0, 0);
}
