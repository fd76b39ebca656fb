package dev.memoria.it.client;

import java.time.Instant;
import java.util.Map;

/**
 * A memory as the REST API returns it.
 *
 * @param memoryId       32 lowercase hex characters, time-ordered
 * @param userId         the user the memory belongs to
 * @param memoryType     wire name: {@code semantic}, {@code profile}, {@code procedural}, {@code working},
 *                       {@code episodic} or {@code tool_result}
 * @param content        the stored text (after the server redacted personal data)
 * @param trustTier      {@code T1} to {@code T4}
 * @param active         false once deleted or superseded
 * @param sessionId      the session it was stored in, or {@code null}
 * @param createdAt      when it was stored
 * @param retrievalScore the relevance score in retrieval results, {@code null} elsewhere
 * @param extraMetadata  the caller's metadata object, empty when none
 */
public record Memory(String memoryId, String userId, String memoryType, String content, String trustTier,
                     boolean active, String sessionId, Instant createdAt, Double retrievalScore,
                     Map<String, Object> extraMetadata) {

    /** Copies the metadata so the record stays a value. */
    public Memory {
        extraMetadata = extraMetadata == null ? Map.of() : Map.copyOf(extraMetadata);
    }
}
