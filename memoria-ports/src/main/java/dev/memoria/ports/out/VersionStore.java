package dev.memoria.ports.out;

import dev.memoria.ports.model.Branch;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Branches, snapshots and revision bookkeeping of users. {@code main} exists for every user without being
 * created. Names reaching this port have already been validated by the core; implementations still bind
 * them as parameters, never concatenate them into SQL.
 */
public interface VersionStore {

    /** Every branch of the user, main first. */
    List<Branch> listBranches(String userId);

    Optional<Branch> findBranch(BranchRef branch);

    /**
     * Creates {@code target} holding exactly the memories active on {@code source} at {@code sourceRevision}
     * (one {@code INSERT … SELECT}). Throws {@code ConflictException} when the name exists.
     */
    default Branch createBranch(BranchRef target, BranchRef source, long sourceRevision) {
        return createBranch(target, source, sourceRevision, Integer.MAX_VALUE);
    }

    /**
     * As {@link #createBranch(BranchRef, BranchRef, long)}, refusing with {@code ConflictException}
     * ({@code branch_quota}) when the user already has {@code maxBranches} branches besides main. The count and
     * the insert are one atomic step, so concurrent creates can never exceed the quota.
     */
    Branch createBranch(BranchRef target, BranchRef source, long sourceRevision, int maxBranches);

    /** Deletes a non-main branch and its rows; false when it did not exist. */
    boolean deleteBranch(BranchRef branch);

    /** The branch the user's reads and writes go to by default; {@code main} until a checkout. */
    String checkedOutBranch(String userId);

    void checkout(String userId, String branch);

    /** The current head revision (0 when nothing was ever written). */
    long headRevision(BranchRef branch);

    /** The newest revision committed at or before {@code time} (0 when none). */
    long revisionAt(BranchRef branch, Instant time);

    /** Records a snapshot of {@code branch} at its current head. Throws {@code ConflictException} on a duplicate. */
    default Snapshot createSnapshot(String userId, String name, BranchRef branch, String description, boolean safety) {
        return createSnapshot(userId, name, branch, description, safety, Integer.MAX_VALUE);
    }

    /**
     * As {@link #createSnapshot(String, String, BranchRef, String, boolean)}; a non-safety snapshot is refused
     * with {@code ConflictException} ({@code snapshot_quota}) when the user already has {@code maxSnapshots}
     * non-safety snapshots. The count and the insert are one atomic step.
     */
    Snapshot createSnapshot(String userId, String name, BranchRef branch, String description, boolean safety,
                            int maxSnapshots);

    /**
     * Deletes the user's safety snapshots beyond the newest {@code keep}; returns how many were deleted. Safety
     * snapshots are taken by every destructive operation, so without this they would grow without bound.
     */
    int pruneSafetySnapshots(String userId, int keep);

    /** The user's snapshots, newest first. */
    List<Snapshot> listSnapshots(String userId);

    /** One page of {@link #listSnapshots(String)}, read as a page from storage. */
    List<Snapshot> listSnapshots(String userId, int limit, int offset);

    long countSnapshots(String userId);

    Optional<Snapshot> findSnapshot(String userId, String name);

    boolean deleteSnapshot(String userId, String name);

    /**
     * Makes the branch's state equal its state at {@code revision}, as one new revision: rows created later
     * end, rows that were active then and ended later get new versions. Returns the new revision.
     */
    default long rollback(BranchRef branch, long revision) {
        return rollback(branch, revision, null);
    }

    /**
     * As {@link #rollback(BranchRef, long)}, first recording the safety snapshot {@code safetySnapshot} (when not
     * null) at the head revision the rollback replaces, inside the same transaction. Every write committed before
     * the rollback is therefore in that snapshot, and every later one is in the rolled-back state: a concurrent
     * write is never lost between the two.
     */
    long rollback(BranchRef branch, long revision, String safetySnapshot);
}
