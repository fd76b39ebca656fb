package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;

import java.util.Map;

/**
 * The fields of one active memory version that search needs: the text for keyword search, the vector for
 * nearest-neighbour search and the columns {@link dev.memoria.ports.model.MemoryFilter} looks at.
 *
 * @param extraMetadata top-level JSON object (read only; may be null, treated as empty)
 * @param embedding     unit-length vector, or null when the memory was stored without an embedder
 */
public record IndexRow(
        String memoryId,
        String content,
        MemoryType memoryType,
        TrustTier trustTier,
        String sessionId,
        String subjectId,
        Map<String, Object> extraMetadata,
        float[] embedding) {
}
