package dev.memoria.ports.in;

import dev.memoria.ports.model.MemoryStats;

import java.util.Map;

/** What an administrator sees of one user. */
public record UserOverview(String userId, MemoryStats mainStats, int branches, int snapshots, int activeKeys,
                           Map<String, Long> rowVersionsByBranch, long retrievals) {
}
