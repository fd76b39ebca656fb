package dev.memoria.ports.in;

import dev.memoria.ports.model.Snapshot;

/** A snapshot and how many memories were active in it. */
public record SnapshotInfo(Snapshot snapshot, long memoryCount) {
}
