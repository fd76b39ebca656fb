package dev.memoria.ports.out;

/** Sizes of the whole store: active memories on every branch, row versions kept, branches and snapshots. */
public record StorageTotals(long users, long activeMemories, long rowVersions, long branches, long snapshots) {
}
