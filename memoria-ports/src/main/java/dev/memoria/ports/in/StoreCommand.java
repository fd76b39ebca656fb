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
    /** The range every supported database stores as given; outside it a time would be rewritten or refused. */
    public static final Instant EARLIEST_OBSERVED = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST_OBSERVED = Instant.parse("9999-12-31T23:59:59Z");

    public StoreCommand {
        if (content == null || content.isEmpty()) {
            throw new InvalidInputException("content_empty", "content must not be empty");
        }
        if (content.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            throw new InvalidInputException("content_too_large", "content exceeds 32 KiB limit");
        }
        requireWellFormed("content", content);
        memoryType = memoryType == null ? MemoryType.SEMANTIC : memoryType;
        trustTier = trustTier == null ? TrustTier.T1 : trustTier;
        subjectId = normaliseSubject(subjectId);
        sessionId = normaliseSession(sessionId);
        if (observedAt != null && (observedAt.isBefore(EARLIEST_OBSERVED) || observedAt.isAfter(LATEST_OBSERVED))) {
            throw new InvalidInputException("invalid_observed_at",
                    "observed_at must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        }
        if (initialConfidence != null && (initialConfidence.isNaN() || initialConfidence < 0 || initialConfidence > 1)) {
            throw new InvalidInputException("invalid_confidence", "initial_confidence must be between 0 and 1");
        }
    }

    /**
     * Refuses text with a lone UTF-16 surrogate: it has no UTF-8 form, so a database would store it as '?' and the
     * memory would silently differ from what the client sent.
     */
    public static void requireWellFormed(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException("invalid_" + field, field + " contains an unpaired surrogate at index " + i);
            }
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

    /** A fact with the default type, tier and confidence, observed now. */
    public static StoreCommand of(Caller caller, String content) {
        return builder(caller, content).build();
    }

    /** For the optional fields: {@code StoreCommand.builder(caller, "…").type(MemoryType.PROFILE).build()}. */
    public static Builder builder(Caller caller, String content) {
        return new Builder(caller, content);
    }

    /** Collects the optional fields of a {@link StoreCommand}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final Caller caller;
        private final String content;
        private MemoryType memoryType;
        private TrustTier trustTier;
        private Double initialConfidence;
        private String sessionId;
        private String subjectId;
        private Instant observedAt;
        private Map<String, Object> extraMetadata;

        private Builder(Caller caller, String content) {
            this.caller = caller;
            this.content = content;
        }

        public Builder type(MemoryType type) {
            this.memoryType = type;
            return this;
        }

        public Builder trustTier(TrustTier tier) {
            this.trustTier = tier;
            return this;
        }

        public Builder initialConfidence(double confidence) {
            this.initialConfidence = confidence;
            return this;
        }

        public Builder session(String session) {
            this.sessionId = session;
            return this;
        }

        public Builder subject(String subject) {
            this.subjectId = subject;
            return this;
        }

        public Builder observedAt(Instant instant) {
            this.observedAt = instant;
            return this;
        }

        public Builder extraMetadata(Map<String, Object> metadata) {
            this.extraMetadata = metadata;
            return this;
        }

        public StoreCommand build() {
            return new StoreCommand(caller, content, memoryType, trustTier, initialConfidence, sessionId, subjectId,
                    observedAt, extraMetadata);
        }
    }
}
