package dev.memoria.ports.in;

import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;
import dev.memoria.ports.out.OrphanCounts;

import java.util.Map;

/**
 * What governance would clean up, and the shape of what it keeps.
 *
 * @param inactiveMemories     memories whose every version ended (recoverable until garbage collection)
 * @param staleWorkingMemories active {@code working} memories older than governance's archive horizon
 * @param orphans              entity links and entities that lost their other end, and broken correction chains
 * @param activeByType         active memories per type (every type present, zeros included)
 * @param activeByTier         active memories per trust tier (every tier present)
 * @param supersededMemories   memories a correction replaced: the links of all correction chains
 * @param indexedVectors       active memories carrying an embedding (the vector index size)
 * @param recommendation       what to do, in one sentence
 */
public record Hygiene(long inactiveMemories, long staleWorkingMemories, OrphanCounts orphans,
                      Map<MemoryType, Long> activeByType, Map<TrustTier, Long> activeByTier,
                      long supersededMemories, long indexedVectors, String recommendation) {

    public Hygiene {
        activeByType = Map.copyOf(activeByType);
        activeByTier = Map.copyOf(activeByTier);
    }
}
