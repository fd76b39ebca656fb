package dev.memoria.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.List;
import java.util.Map;

/**
 * The result texts agents and client plugins parse (e.g. {@code ^Stored memory ([^:]+):},
 * {@code ^\[([^\]]+)\] \(([^)]+)\) ?(.*)$}, {@code Purged (\d+) memory}). One formatter for embedded and
 * remote mode, fed with small values so both produce identical text.
 */
final class ResultTexts {

    /** One memory as a result line. */
    record MemoryLine(String memoryId, String memoryType, String content, Map<String, Object> metadata) {
    }

    static final String NO_RELEVANT = "No relevant memories found.";
    static final String NO_MEMORIES = "No memories found.";
    static final String NO_PROFILE = "No profile memories found.";
    static final String NO_SNAPSHOTS = "No snapshots found.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultTexts() {
    }

    static String stored(String id, String content) {
        return "Stored memory " + id + ": " + content;
    }

    static String corrected(String id, String content) {
        return "Corrected memory " + id + ": " + content;
    }

    /** {@code [<id>] (<type>) <content>} per memory, with {@code | metadata: <json>} when it has any. */
    static String memoryLines(List<MemoryLine> memories, String whenEmpty) {
        if (memories.isEmpty()) {
            return whenEmpty;
        }
        StringBuilder text = new StringBuilder();
        for (MemoryLine m : memories) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append('[').append(m.memoryId()).append("] (").append(m.memoryType()).append(") ").append(m.content());
            if (m.metadata() != null && !m.metadata().isEmpty()) {
                text.append(" | metadata: ").append(compact(m.metadata()));
            }
        }
        return text.toString();
    }

    static String withExplain(String lines, Object explain) {
        return lines + "\n\n--- explain ---\n" + pretty(explain);
    }

    static String purged(int count, String topic, String sessionId, String safetySnapshot, String warning) {
        StringBuilder text = new StringBuilder("Purged " + count + " memory(s)");
        if (topic != null) {
            text.append(" matching '").append(topic).append('\'');
        } else if (sessionId != null) {
            text.append(" for session '").append(sessionId).append('\'');
        }
        if (safetySnapshot != null) {
            text.append("\nSafety snapshot: ").append(safetySnapshot).append(" (use memory_rollback to undo)");
        }
        if (warning != null) {
            text.append('\n').append(warning);
        }
        return text.toString();
    }

    static String feedback(String memoryId, String signal, String feedbackId) {
        return "Recorded feedback: memory=" + memoryId + ", signal=" + signal + ", feedback_id=" + feedbackId;
    }

    /** A snapshot as listed: name and creation time. */
    record SnapshotLine(String name, String createdAt) {
    }

    static String snapshots(List<SnapshotLine> page, int total) {
        if (total == 0) {
            return NO_SNAPSHOTS;
        }
        StringBuilder text = new StringBuilder("Snapshots (" + total + " total):");
        page.forEach(s -> text.append('\n').append(s.name()).append(" (").append(s.createdAt()).append(')'));
        return text.toString();
    }

    static String deletedSnapshots(List<String> names) {
        return "Deleted " + names.size() + " snapshot(s): " + String.join(", ", names);
    }

    /** A branch as listed. */
    record BranchLine(String name, boolean active) {
    }

    static String branches(List<BranchLine> branches) {
        if (branches.isEmpty()) {
            return "No branches. On main.";
        }
        StringBuilder text = new StringBuilder("Branches:");
        branches.forEach(b -> text.append('\n').append(b.name()).append(b.active() ? " ← active" : ""));
        return text.toString();
    }

    static String applied(String source, int adds, int updates, int removes, int conflicts) {
        return "Applied from '" + source + "': " + adds + " added, " + updates + " updated, " + removes + " removed, "
                + conflicts + " conflicts accepted";
    }

    static String tuned(Map<String, Object> oldParams, Map<String, Object> newParams) {
        StringBuilder text = new StringBuilder("Parameters tuned:");
        for (String key : List.of("feedback_weight", "temporal_decay_hours", "confidence_weight")) {
            text.append("\n  ").append(key).append(": ").append(oldParams.get(key)).append(" → ")
                    .append(newParams.get(key));
        }
        return text.toString();
    }

    static String compact(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
