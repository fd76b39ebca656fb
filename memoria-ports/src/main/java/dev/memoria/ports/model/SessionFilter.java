package dev.memoria.ports.model;

import java.util.Objects;

/**
 * Restricts rows to a session.
 *
 * @param includeUnscoped when true rows without a session also match (retrieval's {@code session_scope=only});
 *                        when false only rows of exactly that session match (list, query, fulltext)
 */
public record SessionFilter(String sessionId, boolean includeUnscoped) {

    public SessionFilter {
        Objects.requireNonNull(sessionId, "sessionId");
    }

    public static SessionFilter exactly(String sessionId) {
        return new SessionFilter(sessionId, false);
    }

    public static SessionFilter orUnscoped(String sessionId) {
        return new SessionFilter(sessionId, true);
    }

    public boolean matches(String rowSessionId) {
        return sessionId.equals(rowSessionId) || (includeUnscoped && rowSessionId == null);
    }
}
