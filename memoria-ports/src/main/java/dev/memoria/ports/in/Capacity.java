package dev.memoria.ports.in;

/**
 * How close a user is to the sizes where search slows down.
 *
 * @param userActiveMemories active memories of the user on main
 * @param globalVectorCount  active embedded memory versions of every user: what the vector index holds
 * @param monthlyGrowthRate  memories created in the last 30 days relative to those that existed before them
 * @param optimalThreshold   up to this many memories per user, exact vector search answers fastest
 * @param degradedThreshold  from this many on, search latency grows noticeably
 * @param recommendation     what to do, in one sentence
 */
public record Capacity(long userActiveMemories, long globalVectorCount, double monthlyGrowthRate,
                       long optimalThreshold, long degradedThreshold, String recommendation) {
}
