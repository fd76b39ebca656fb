package dev.memoria.ports.out;

/**
 * Entity graph rows that lost their other end.
 *
 * @param memoryEntityLinks links whose memory is no longer active on main
 * @param entityLinks       links naming an entity that does not exist
 * @param graphNodes        entities that no link names
 * @param brokenChains      active memories whose {@code superseded_by} names no active memory: a correction chain
 *                          whose successor was deleted (governance clears such pointers)
 */
public record OrphanCounts(long memoryEntityLinks, long entityLinks, long graphNodes, long brokenChains) {
}
