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

    // ---- governance: the same texts whether the counts come from the facade or from the REST answer

    static String cooldownSkipped(String operation, long remainingSeconds) {
        return operation + " skipped (cooldown: " + remainingSeconds + "s remaining). Use force=true to override.";
    }

    /** Snapshot totals ride along so an agent sees whether automatic safety snapshots are piling up. */
    static String governed(long quarantined, long cleanedStale, int snapshots, int safetySnapshots) {
        long percent = snapshots == 0 ? 0 : Math.round(100.0 * safetySnapshots / snapshots);
        return "Governance complete: quarantined=" + quarantined + ", cleaned_stale=" + cleanedStale + ". snapshots: "
                + snapshots + " total, " + percent + "% auto-generated";
    }

    static String consolidated(String status, long conflicts, long orphanedScenes, long promoted, long demoted,
                               List<String> warnings) {
        String text = "Consolidation complete: status=" + status + ", conflicts_detected=" + conflicts
                + ", orphaned_scenes=" + orphanedScenes + ", promoted=" + promoted + ", demoted=" + demoted;
        return warnings.isEmpty() ? text : text + " (warnings: " + String.join("; ", warnings) + ")";
    }

    /** A reflection candidate: a group of related (semantic) memories that may hold a broader insight. */
    record Cluster(String signal, double importance, List<String> contents) {
    }

    static final String NO_CLUSTERS = "No memory clusters found for reflection. Reflection needs at least 3 related "
            + "semantic memories (from one session or linked across sessions); store more and try again later.";

    /** Without a model the agent itself is asked to do the synthesis, so the text ends with what to do next. */
    static String clusters(List<Cluster> clusters) {
        if (clusters.isEmpty()) {
            return NO_CLUSTERS;
        }
        StringBuilder text = new StringBuilder("Found " + clusters.size() + " memory cluster(s) for reflection:");
        for (int i = 0; i < clusters.size(); i++) {
            Cluster c = clusters.get(i);
            text.append("\n\nCluster ").append(i + 1).append(" (").append(c.signal()).append(", importance=")
                    .append(String.format(java.util.Locale.ROOT, "%.3f", c.importance())).append("):");
            c.contents().forEach(content -> text.append("\n  - [semantic] ").append(content));
        }
        return text.append("\n\nFor each cluster, synthesise the higher-level insight these memories share and save "
                + "it with memory_store (trust_tier T4 if it is speculative).").toString();
    }

    static String reflected(long scenesCreated, long candidatesFound) {
        return "Reflection complete: scenes_created=" + scenesCreated + ", candidates_found=" + candidatesFound;
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
