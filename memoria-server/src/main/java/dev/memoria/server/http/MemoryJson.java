package dev.memoria.server.http;

import dev.memoria.ports.model.Memory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire shape of a memory, with the exact keys existing clients read. */
public final class MemoryJson {

    /** RFC 3339 with microseconds and an explicit {@code +00:00} offset, as clients already parse. */
    private static final DateTimeFormatter RFC3339 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private MemoryJson() {
    }

    public static Map<String, Object> of(Memory memory) {
        return of(memory, null);
    }

    public static Map<String, Object> of(Memory memory, Double retrievalScore) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("memory_id", memory.memoryId());
        json.put("user_id", memory.userId());
        if (memory.authorId() != null) {
            json.put("author_id", memory.authorId());
        }
        if (memory.subjectId() != null) {
            json.put("subject_id", memory.subjectId());
        }
        json.put("memory_type", memory.memoryType().wireName());
        json.put("content", memory.content());
        json.put("trust_tier", memory.trustTier().name());
        json.put("initial_confidence", memory.initialConfidence());
        json.put("is_active", memory.active());
        json.put("session_id", memory.sessionId());
        json.put("observed_at", timestamp(memory.observedAt()));
        json.put("created_at", timestamp(memory.createdAt()));
        json.put("retrieval_score", retrievalScore);
        if (!memory.extraMetadata().isEmpty()) {
            json.put("extra_metadata", memory.extraMetadata());
        }
        return json;
    }

    /** What an observation stored: id, content and type of each memory, and the fallback warning if any. */
    public static Map<String, Object> observed(dev.memoria.ports.in.ObserveResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("memories", result.memories().stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("memory_id", m.memoryId());
            item.put("content", m.content());
            item.put("memory_type", m.memoryType().wireName());
            return item;
        }).toList());
        if (result.warning() != null) {
            json.put("warning", result.warning());
        }
        return json;
    }

    public static String timestamp(Instant instant) {
        return instant == null ? null : RFC3339.format(instant);
    }
}
