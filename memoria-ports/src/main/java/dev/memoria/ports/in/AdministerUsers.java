package dev.memoria.ports.in;

import dev.memoria.ports.model.UserPage;

/** Use case: what an operator does across users (behind the master key). */
public interface AdministerUsers {

    /** Up to {@code limit} (1..1000) users after {@code cursor} (null: the first page), sorted by user id. */
    UserPage listUsers(String cursor, int limit);

    UserOverview userOverview(String userId);

    /** Erases every trace of the user's memories (all versions, all branches, snapshots, feedback, keys stay revocable). */
    long eraseUser(String userId);

    /** Forgets how often the user's memories were retrieved; returns how many counters were cleared. */
    long resetAccessCounts(String userId);

    /** Erases one memory: every version on every branch, including what snapshots could still see. */
    long eraseMemory(String userId, String memoryId);
}
