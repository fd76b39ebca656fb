package dev.memoria.ports.model;

import java.time.Instant;

/**
 * A named revision of a branch; creating one costs one row whatever the number of memories.
 *
 * @param safety true for the automatic snapshots taken before destructive operations
 */
public record Snapshot(String userId, String name, String branch, long revision, String description,
                       Instant createdAt, boolean safety) {

    public BranchRef branchRef() {
        return new BranchRef(userId, branch);
    }

    public ReadPoint readPoint() {
        return ReadPoint.at(revision);
    }
}
