package dev.memoria.ports.in;

import java.util.List;

/** Use case: what an operator does across users (behind the master key). */
public interface AdministerUsers {

    List<String> listUsers();

    UserOverview userOverview(String userId);

    /** Erases every trace of the user's memories (all versions, all branches, snapshots, feedback, keys stay revocable). */
    long eraseUser(String userId);

    /** Forgets how often the user's memories were retrieved; returns how many counters were cleared. */
    long resetAccessCounts(String userId);

    /** Erases one memory: every version on every branch, including what snapshots could still see. */
    long eraseMemory(String userId, String memoryId);
}
