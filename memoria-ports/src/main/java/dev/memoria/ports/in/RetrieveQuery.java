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

    public static RetrieveQuery simple(Caller caller, String query, int topK) {
        return new RetrieveQuery(caller, query, topK, null, false, null, Set.of(), ExplainLevel.NONE, null, null);
    }
}
