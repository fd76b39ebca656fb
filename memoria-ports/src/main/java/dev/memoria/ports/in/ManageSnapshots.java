package dev.memoria.ports.in;

import java.time.Instant;
import java.util.List;

/** Use case: named, O(1) snapshots of a branch, reading them, comparing them and rolling back to them. */
public interface ManageSnapshots {

    /** Snapshots the caller's branch at its head. Conflict on a duplicate name or a full quota. */
    SnapshotInfo createSnapshot(Caller caller, String name, String description);

    List<SnapshotInfo> listSnapshots(String userId);

    /**
     * One page of the user's snapshots, newest first; {@code limit} is clamped to 1..{@value #MAX_PAGE} and
     * {@code offset} to 0 or more. Only the page's snapshots have their memories counted.
     */
    SnapshotPage listSnapshots(String userId, int limit, int offset);

    int MAX_PAGE = 500;

    SnapshotDetail snapshotDetail(String userId, String name, int limit, int offset);

    /** The snapshot compared with the current state of its branch. */
    StateDiff diffWithNow(String userId, String name);

    /** Two snapshots compared: what {@code newer} has that {@code older} lacks, and the reverse. */
    StateDiff diffSnapshots(String userId, String older, String newer);

    boolean deleteSnapshot(String userId, String name);

    /** Deletes by names, else by name prefix, else everything created before {@code olderThan}. */
    List<String> deleteSnapshots(String userId, List<String> names, String prefix, Instant olderThan);

    /** Restores the snapshot's branch to the snapshot, atomically, after a safety snapshot. */
    RollbackResult rollback(String userId, String name);
}
