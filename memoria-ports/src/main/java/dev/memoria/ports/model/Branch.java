package dev.memoria.ports.model;

import java.time.Instant;

/**
 * A user's branch.
 *
 * @param headRevision   the last revision written on it (0 for a fresh branch)
 * @param sourceBranch   the branch it was created from (null for main)
 * @param sourceRevision the revision of {@code sourceBranch} it was copied at
 */
public record Branch(String userId, String name, long headRevision, Instant createdAt,
                     String sourceBranch, long sourceRevision) {

    public BranchRef ref() {
        return new BranchRef(userId, name);
    }
}
