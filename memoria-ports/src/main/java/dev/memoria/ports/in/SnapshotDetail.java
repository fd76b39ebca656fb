package dev.memoria.ports.in;

import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryType;

import java.util.List;
import java.util.Map;

/** The memories of a snapshot, counted by type, one page of them listed. */
public record SnapshotDetail(SnapshotInfo info, Map<MemoryType, Long> byType, List<Memory> memories, boolean hasMore) {
}
