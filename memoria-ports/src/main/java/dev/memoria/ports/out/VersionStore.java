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
    Branch createBranch(BranchRef target, BranchRef source, long sourceRevision);

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
    Snapshot createSnapshot(String userId, String name, BranchRef branch, String description, boolean safety);

    /** The user's snapshots, newest first. */
    List<Snapshot> listSnapshots(String userId);

    Optional<Snapshot> findSnapshot(String userId, String name);

    boolean deleteSnapshot(String userId, String name);

    /**
     * Makes the branch's state equal its state at {@code revision}, as one new revision: rows created later
     * end, rows that were active then and ended later get new versions. Returns the new revision.
     */
    long rollback(BranchRef branch, long revision);
}
