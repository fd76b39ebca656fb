package dev.memoria.core.write;

import dev.memoria.core.MemoryIds;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.out.VersionStore;

/**
 * Takes the automatic snapshot that precedes every destructive operation. Snapshots are one row, so this
 * is cheap; the returned name lets a client undo the operation by rolling back to it.
 *
 * <p>Each user keeps only the newest {@link #DEFAULT_RETAINED} safety snapshots, whether or not governance runs:
 * a client deleting memories one by one would otherwise leave one snapshot per delete, outside every quota.
 * (The weekly governance retention keeps fewer still.)
 */
public final class SafetySnapshots {

    /** Enough to undo any recent operation; bounded so that snapshot listings stay small. */
    public static final int DEFAULT_RETAINED = 100;

    private final VersionStore versions;
    private final int retained;

    public SafetySnapshots(VersionStore versions) {
        this(versions, DEFAULT_RETAINED);
    }

    public SafetySnapshots(VersionStore versions, int retained) {
        if (retained < 1) {
            throw new IllegalArgumentException("at least one safety snapshot must be retained");
        }
        this.versions = versions;
        this.retained = retained;
    }

    /** Snapshots {@code branch} before {@code operation} and returns the snapshot's name. */
    public String before(String operation, BranchRef branch) {
        String name = name(operation);
        versions.createSnapshot(branch.userId(), name, branch, "automatic snapshot before " + operation, true);
        pruned(branch.userId());
        return name;
    }

    /**
     * A fresh safety snapshot name for an operation that records the snapshot itself, inside its own transaction
     * (rollback); the caller calls {@link #pruned} afterwards.
     */
    public String name(String operation) {
        return "pre_" + operation + "_" + MemoryIds.random().substring(0, 8);
    }

    /** Applies the retention rule to the user's safety snapshots. */
    public void pruned(String userId) {
        versions.pruneSafetySnapshots(userId, retained);
    }
}
