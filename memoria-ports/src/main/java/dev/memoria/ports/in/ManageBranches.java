package dev.memoria.ports.in;

import java.time.Instant;
import java.util.List;

/** Use case: branches of a user's memory — create, switch, compare with main, merge back, delete. */
public interface ManageBranches {

    /** Main first, then the others oldest first. */
    List<BranchInfo> listBranches(String userId);

    /**
     * Creates a branch from main's current state, from a snapshot, or from main as it was at a time.
     * Conflict on a duplicate name or a full quota.
     */
    BranchInfo createBranch(String userId, String name, String fromSnapshot, Instant fromTime);

    /** Makes the branch the user's default for reads and writes; returns its active memory count. */
    long checkout(String userId, String name);

    /** Deletes a branch (never main); the user returns to main if it was checked out. */
    boolean deleteBranch(String userId, String name);

    BranchChanges diff(String userId, String name);

    MergeResult merge(String userId, String name, MergeStrategy strategy);

    ApplyResult apply(String userId, String name, ApplyCommand command);
}
