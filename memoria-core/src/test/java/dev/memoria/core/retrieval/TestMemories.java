package dev.memoria.core.retrieval;

import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;

import java.time.Instant;
import java.util.Map;

/** Memories for the ranking rules' tests, which read only ids and text. */
final class TestMemories {

    private TestMemories() {
    }

    static Memory memory(String id, String content) {
        return new Memory(id, "u", MemoryType.SEMANTIC, content, TrustTier.T1, 1.0, null, null, null, Map.of(),
                Instant.EPOCH, Instant.EPOCH, null, true, null);
    }
}
