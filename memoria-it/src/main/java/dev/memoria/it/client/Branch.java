package dev.memoria.it.client;

import java.time.Instant;

/**
 * A branch of the user's memories, as listed or just created.
 *
 * @param name           the branch's name; {@code main} always exists
 * @param active         whether it is the user's checked-out branch (always false right after creation)
 * @param sourceBranch   the branch it was forked from; {@code null} for main
 * @param sourceRevision the source branch's revision at the fork; {@code null} for main
 * @param createdAt      when it was created; {@code null} for main and in creation results
 */
public record Branch(String name, boolean active, String sourceBranch, Long sourceRevision, Instant createdAt) {
}
