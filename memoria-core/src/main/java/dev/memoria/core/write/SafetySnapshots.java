package dev.memoria.core.write;

import dev.memoria.core.MemoryIds;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.out.VersionStore;

/**
 * Takes the automatic snapshot that precedes every destructive operation. Snapshots are one row, so this
 * is cheap; the returned name lets a client undo the operation by rolling back to it.
 */
public final class SafetySnapshots {

    private final VersionStore versions;

    public SafetySnapshots(VersionStore versions) {
        this.versions = versions;
    }

    /** Snapshots {@code branch} before {@code operation} and returns the snapshot's name. */
    public String before(String operation, BranchRef branch) {
        String name = "pre_" + operation + "_" + MemoryIds.random().substring(0, 8);
        versions.createSnapshot(branch.userId(), name, branch, "automatic snapshot before " + operation, true);
        return name;
    }
}
