package dev.memoria.ports.out;

import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;

/**
 * Raw sums over the memories of one type and tier on main branches, from which the health reports are computed.
 * A memory is <em>active</em> when its current version has not ended and <em>inactive</em> when every version
 * has (deleted, corrected, quarantined or archived); row versions of one memory count once.
 *
 * @param active          active memories
 * @param inactive        inactive memories
 * @param superseded      inactive memories that a correction replaced ({@code superseded_by} set)
 * @param confidenceSum   sum of the active memories' initial confidence
 * @param contentChars    sum of the active memories' content length in characters
 * @param ageSecondsSum   sum over active memories of the seconds since they were observed (or created)
 * @param embedded        active memories that carry an embedding
 * @param stale           active memories observed (or created) before the census's stale-before time
 * @param createdRecently active memories created at or after the census's recent-since time
 */
public record MemoryCensus(MemoryType type, TrustTier tier, long active, long inactive, long superseded,
                           double confidenceSum, long contentChars, long ageSecondsSum, long embedded, long stale,
                           long createdRecently) {
}
