package dev.memoria.ports.in;

import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.model.MemoryType;

import java.time.Instant;
import java.util.Set;

/**
 * A retrieval by meaning and keywords.
 *
 * @param sessionOnly    when true only memories of {@code sessionId} or without a session are candidates
 * @param asOfSnapshot   answer as the memory stood at this snapshot (null for now)
 * @param asOf           answer as the memory stood at this time (null for now)
 */
public record RetrieveQuery(
        Caller caller,
        String query,
        int topK,
        String sessionId,
        boolean sessionOnly,
        String subjectId,
        Set<MemoryType> memoryTypes,
        ExplainLevel explain,
        String asOfSnapshot,
        Instant asOf) {

    public static final int MAX_TOP_K = 100;
    public static final int MAX_QUERY_BYTES = 32 * 1024;

    public RetrieveQuery {
        if (query == null) {
            throw new InvalidInputException("query_missing", "query is required");
        }
        if (query.length() > MAX_QUERY_BYTES) {
            throw new InvalidInputException("query_too_large", "query exceeds 32 KiB limit");
        }
        topK = Math.max(1, Math.min(MAX_TOP_K, topK));
        if (sessionOnly && (sessionId == null || sessionId.isBlank())) {
            throw new InvalidInputException("session_required", "session_id is required when session_scope is set");
        }
        subjectId = subjectId == null || subjectId.isBlank() ? null : subjectId.trim();
        memoryTypes = memoryTypes == null ? Set.of() : Set.copyOf(memoryTypes);
        explain = explain == null ? ExplainLevel.NONE : explain;
        if (asOfSnapshot != null && asOf != null) {
            throw new InvalidInputException("conflicting_as_of", "give as_of_snapshot or as_of, not both");
        }
    }

    /** The best {@code topK} memories for {@code query}, with every option at its default. */
    public static RetrieveQuery simple(Caller caller, String query, int topK) {
        return new RetrieveQuery(caller, query, topK, null, false, null, Set.of(), ExplainLevel.NONE, null, null);
    }

    /** A query with options: {@code RetrieveQuery.builder(caller, "…").topK(10).session("s1").build()}. */
    public static Builder builder(Caller caller, String query) {
        return new Builder(caller, query);
    }

    /** Collects the optional fields of a {@link RetrieveQuery}; validation happens in {@link #build()}. */
    public static final class Builder {
        /** What {@code topK} is when not set: the REST and MCP default. */
        public static final int DEFAULT_TOP_K = 5;

        private final Caller caller;
        private final String query;
        private int topK = DEFAULT_TOP_K;
        private String sessionId;
        private boolean sessionOnly;
        private String subjectId;
        private Set<MemoryType> memoryTypes = Set.of();
        private ExplainLevel explain = ExplainLevel.NONE;
        private String asOfSnapshot;
        private Instant asOf;

        private Builder(Caller caller, String query) {
            this.caller = caller;
            this.query = query;
        }

        public Builder topK(int k) {
            this.topK = k;
            return this;
        }

        /** Prefer memories of this session (others still compete). */
        public Builder session(String session) {
            this.sessionId = session;
            return this;
        }

        /** Only memories of this session, or without one, are candidates. */
        public Builder onlySession(String session) {
            this.sessionId = session;
            this.sessionOnly = true;
            return this;
        }

        public Builder subject(String subject) {
            this.subjectId = subject;
            return this;
        }

        public Builder types(Set<MemoryType> types) {
            this.memoryTypes = types;
            return this;
        }

        public Builder explain(ExplainLevel level) {
            this.explain = level;
            return this;
        }

        /** Answer as the memory stood at this snapshot. */
        public Builder asOfSnapshot(String snapshot) {
            this.asOfSnapshot = snapshot;
            return this;
        }

        /** Answer as the memory stood at this time. */
        public Builder asOf(Instant instant) {
            this.asOf = instant;
            return this;
        }

        public RetrieveQuery build() {
            return new RetrieveQuery(caller, query, topK, sessionId, sessionOnly, subjectId, memoryTypes, explain,
                    asOfSnapshot, asOf);
        }
    }
}
