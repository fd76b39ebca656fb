package dev.memoria.it.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /v1/memories}: the content and the optional fields, built with
 * {@code StoreRequest.builder("...").memoryType("procedural").sessionId("s1").build()}. Fields left unset are not
 * sent, so the server's defaults apply.
 *
 * @param content       the text to remember (required)
 * @param memoryType    wire name of the type, or {@code null} for the server's default ({@code semantic})
 * @param trustTier     {@code T1}–{@code T4}, or {@code null} for the default
 * @param sessionId     the session, or {@code null}
 * @param subjectId     whom the memory is about, or {@code null}
 * @param branch        the branch to write to, or {@code null} for the user's checked-out branch
 * @param extraMetadata a JSON object stored with the memory; empty for none
 */
public record StoreRequest(String content, String memoryType, String trustTier, String sessionId, String subjectId,
                           String branch, Map<String, Object> extraMetadata) {

    /** Requires the content and copies the metadata. */
    public StoreRequest {
        Objects.requireNonNull(content, "content");
        extraMetadata = extraMetadata == null ? Map.of() : Map.copyOf(extraMetadata);
    }

    /** Starts a request for {@code content}. */
    public static Builder builder(String content) {
        return new Builder(content);
    }

    /** The JSON fields, unset ones left out. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("content", content);
        putIfSet(json, "memory_type", memoryType);
        putIfSet(json, "trust_tier", trustTier);
        putIfSet(json, "session_id", sessionId);
        putIfSet(json, "subject_id", subjectId);
        putIfSet(json, "branch", branch);
        if (!extraMetadata.isEmpty()) {
            json.put("extra_metadata", extraMetadata);
        }
        return json;
    }

    private static void putIfSet(Map<String, Object> json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    /** Collects the optional fields of a {@link StoreRequest}. */
    public static final class Builder {

        private final String content;
        private String memoryType;
        private String trustTier;
        private String sessionId;
        private String subjectId;
        private String branch;
        private Map<String, Object> extraMetadata = Map.of();

        private Builder(String content) {
            this.content = content;
        }

        /** The memory type's wire name, e.g. {@code procedural}. */
        public Builder memoryType(String memoryType) {
            this.memoryType = memoryType;
            return this;
        }

        /** The trust tier, {@code T1} to {@code T4}. */
        public Builder trustTier(String trustTier) {
            this.trustTier = trustTier;
            return this;
        }

        /** The session the memory belongs to. */
        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /** Whom the memory is about. */
        public Builder subjectId(String subjectId) {
            this.subjectId = subjectId;
            return this;
        }

        /** Writes to this branch instead of the checked-out one. */
        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        /** A JSON object stored with the memory. */
        public Builder extraMetadata(Map<String, Object> extraMetadata) {
            this.extraMetadata = extraMetadata;
            return this;
        }

        /** The request. */
        public StoreRequest build() {
            return new StoreRequest(content, memoryType, trustTier, sessionId, subjectId, branch, extraMetadata);
        }
    }
}
