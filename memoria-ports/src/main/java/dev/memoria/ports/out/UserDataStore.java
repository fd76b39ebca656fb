package dev.memoria.ports.out;

import java.util.List;

/** Administration across users: who exists, and erasure (the right to be forgotten). */
public interface UserDataStore {

    /** Counts across all users, for operational metrics. */
    StorageTotals totals();

    /** Every user id that has memories, branches, snapshots or keys, sorted. */
    List<String> listUsers();

    /**
     * Up to {@code limit} user ids of {@link #listUsers()} that sort after {@code after} (null: from the first),
     * in order; the storage pages, so an operator's listing never loads the whole directory.
     */
    List<String> listUsers(String after, int limit);

    /**
     * The users whose main branch holds an active version of {@code memoryId}. Ids are random, so this is one user
     * or none in practice; it is a list because nothing in the schema forbids two users the same id.
     */
    List<String> ownersOf(String memoryId);

    /** How many memory row versions (active and ended) the user has on each branch. */
    java.util.Map<String, Long> rowVersionsByBranch(String userId);

    /**
     * Removes every version of one memory on every branch of the user, including the versions that
     * snapshots still referenced. Returns the number of row versions removed.
     */
    long eraseMemory(String userId, String memoryId);

    /** Removes all of a user's data: memories (every version), branches, snapshots, feedback, settings. */
    long eraseUser(String userId);

    /**
     * Garbage collection: removes row versions that ended at or before {@code revision} on the branch and
     * that no retained snapshot of the branch can still see. Returns the number removed.
     */
    long collectGarbage(String userId, String branch, long revision);
}
