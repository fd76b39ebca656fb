package dev.memoria.ports.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One version of a memory as stored on a branch.
 *
 * @param memoryId          UUIDv7 in simple form (32 lowercase hex); time-ordered
 * @param userId            owning tenant
 * @param extraMetadata     a JSON object (values are String, Number, Boolean, null, List or Map); never null
 * @param supersededBy      id of the correction that replaced this memory, or null
 * @param active            true while this version is current on its branch
 * @param embedding         unit-length vector, or null when stored without an embedder
 */
public record Memory(
        String memoryId,
        String userId,
        MemoryType memoryType,
        String content,
        TrustTier trustTier,
        double initialConfidence,
        String sessionId,
        String subjectId,
        String authorId,
        Map<String, Object> extraMetadata,
        Instant observedAt,
        Instant createdAt,
        String supersededBy,
        boolean active,
        float[] embedding) {

    public Memory {
        Objects.requireNonNull(memoryId, "memoryId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(memoryType, "memoryType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(trustTier, "trustTier");
        extraMetadata = extraMetadata == null ? Map.of() : extraMetadata;
    }

    public Memory withExtraMetadata(Map<String, Object> metadata) {
        return new Memory(memoryId, userId, memoryType, content, trustTier, initialConfidence, sessionId,
                subjectId, authorId, metadata, observedAt, createdAt, supersededBy, active, embedding);
    }

    public Memory withEnded(String supersededByMemoryId) {
        return new Memory(memoryId, userId, memoryType, content, trustTier, initialConfidence, sessionId,
                subjectId, authorId, extraMetadata, observedAt, createdAt, supersededByMemoryId, false, embedding);
    }

    public Memory withEmbedding(float[] vector) {
        return new Memory(memoryId, userId, memoryType, content, trustTier, initialConfidence, sessionId,
                subjectId, authorId, extraMetadata, observedAt, createdAt, supersededBy, active, vector);
    }
}
