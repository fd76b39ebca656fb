package dev.memoria.it.client;

import java.time.Instant;

/**
 * A named revision of a branch.
 *
 * @param name        the snapshot's name
 * @param description the description given at creation, or {@code null}
 * @param branch      the branch it was taken of
 * @param revision    the branch revision it names
 * @param memoryCount active memories at that revision
 * @param createdAt   when it was taken
 * @param safety      true for the snapshots the server takes itself before destructive operations
 */
public record Snapshot(String name, String description, String branch, long revision, long memoryCount,
                       Instant createdAt, boolean safety) {
}
