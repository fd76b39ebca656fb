package dev.memoria.ports.in;

import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Store one memory. Validates itself: content present and at most 32 KiB, subject at most 128 characters.
 *
 * @param initialConfidence null for the tier's default
 * @param observedAt        null for now
 * @param extraMetadata     null when the request had none (dedup keeps the survivor's metadata then)
 */
public record StoreCommand(
        Caller caller,
        String content,
        MemoryType memoryType,
        TrustTier trustTier,
        Double initialConfidence,
        String sessionId,
        String subjectId,
        Instant observedAt,
        Map<String, Object> extraMetadata) {

    public static final int MAX_CONTENT_BYTES = 32 * 1024;
    public static final int MAX_SUBJECT_LENGTH = 128;
    public static final int MAX_SESSION_LENGTH = 64;

    public StoreCommand {
        if (content == null || content.isEmpty()) {
            throw new InvalidInputException("content_empty", "content must not be empty");
        }
        if (content.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            throw new InvalidInputException("content_too_large", "content exceeds 32 KiB limit");
        }
        memoryType = memoryType == null ? MemoryType.SEMANTIC : memoryType;
        trustTier = trustTier == null ? TrustTier.T1 : trustTier;
        subjectId = normaliseSubject(subjectId);
        sessionId = normaliseSession(sessionId);
        if (initialConfidence != null && (initialConfidence.isNaN() || initialConfidence < 0 || initialConfidence > 1)) {
            throw new InvalidInputException("invalid_confidence", "initial_confidence must be between 0 and 1");
        }
    }

    /** Trims a subject id; blank becomes null; too long is invalid. */
    public static String normaliseSubject(String subjectId) {
        if (subjectId == null || subjectId.isBlank()) {
            return null;
        }
        String trimmed = subjectId.trim();
        if (trimmed.length() > MAX_SUBJECT_LENGTH) {
            throw new InvalidInputException("subject_too_long",
                    "subject_id exceeds maximum length of " + MAX_SUBJECT_LENGTH + " characters");
        }
        return trimmed;
    }

    /** Blank becomes null; too long is invalid. */
    public static String normaliseSession(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return null;
        }
        if (sessionId.length() > MAX_SESSION_LENGTH) {
            throw new InvalidInputException("session_too_long",
                    "session_id exceeds maximum length of " + MAX_SESSION_LENGTH + " characters");
        }
        return sessionId;
    }
}
