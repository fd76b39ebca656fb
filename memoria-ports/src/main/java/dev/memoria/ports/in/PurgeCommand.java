package dev.memoria.ports.in;

import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.model.MemoryType;

import java.util.List;
import java.util.Set;

/** Forget many memories by one selector: ids, an exact topic text, or a session (optionally by types). */
public record PurgeCommand(Caller caller, List<String> memoryIds, String topic, String sessionId,
                           Set<MemoryType> memoryTypes) {

    public PurgeCommand {
        memoryIds = memoryIds == null ? List.of() : List.copyOf(memoryIds);
        topic = topic == null || topic.isBlank() ? null : topic.trim();
        sessionId = sessionId == null || sessionId.isBlank() ? null : sessionId;
        memoryTypes = memoryTypes == null ? Set.of() : Set.copyOf(memoryTypes);
        if (!memoryTypes.isEmpty() && sessionId == null) {
            throw new InvalidInputException("types_require_session", "memory_types requires session_id");
        }
        int selectors = (memoryIds.isEmpty() ? 0 : 1) + (topic == null ? 0 : 1) + (sessionId == null ? 0 : 1);
        if (selectors > 1) {
            throw new InvalidInputException("too_many_selectors", "Provide only one of memory_id(s), topic, or session_id");
        }
        if (topic != null && topic.length() < 3) {
            throw new InvalidInputException("topic_too_short", "topic must be at least 3 characters");
        }
        if (memoryIds.size() > 1000) {
            throw new InvalidInputException("too_many_ids", "memory_ids exceeds 1000 entries");
        }
    }

    /** Forget these memories. */
    public static PurgeCommand ofIds(Caller caller, List<String> memoryIds) {
        return new PurgeCommand(caller, memoryIds, null, null, Set.of());
    }

    /** Forget the memories whose content contains this text (at least 3 characters). */
    public static PurgeCommand ofTopic(Caller caller, String topic) {
        return new PurgeCommand(caller, List.of(), topic, null, Set.of());
    }

    /** Forget a session's memories, all of them or only those of {@code types}. */
    public static PurgeCommand ofSession(Caller caller, String sessionId, MemoryType... types) {
        return new PurgeCommand(caller, List.of(), null, sessionId, Set.of(types));
    }

    /** Whether no selector was given (such a purge forgets nothing). */
    public boolean isEmpty() {
        return memoryIds.isEmpty() && topic == null && sessionId == null;
    }
}
