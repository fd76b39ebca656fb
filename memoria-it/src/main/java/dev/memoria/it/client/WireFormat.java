package dev.memoria.it.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/** Maps the API's snake_case JSON onto the client's records, field by field, so renames fail loudly here. */
final class WireFormat {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private WireFormat() {
    }

    static Memory memory(JsonNode json) {
        JsonNode score = json.get("retrieval_score");
        JsonNode metadata = json.get("extra_metadata");
        return new Memory(text(json, "memory_id"), text(json, "user_id"), text(json, "memory_type"),
                text(json, "content"), text(json, "trust_tier"), json.path("is_active").asBoolean(true),
                text(json, "session_id"), instant(json, "created_at"),
                score == null || score.isNull() ? null : score.asDouble(),
                metadata == null || !metadata.isObject() ? Map.of() : MAPPER.convertValue(metadata, OBJECT));
    }

    static CreatedApiKey createdKey(JsonNode json) {
        return new CreatedApiKey(text(json, "key_id"), text(json, "user_id"), text(json, "name"),
                text(json, "key_prefix"), text(json, "raw_key"), instant(json, "created_at"));
    }

    static ApiKeyInfo apiKey(JsonNode json) {
        return new ApiKeyInfo(text(json, "key_id"), text(json, "user_id"), text(json, "name"),
                text(json, "key_prefix"), instant(json, "created_at"), instant(json, "expires_at"),
                instant(json, "last_used_at"));
    }

    static Snapshot snapshot(JsonNode json) {
        return new Snapshot(text(json, "name"), text(json, "description"), text(json, "branch"),
                json.path("revision").asLong(), json.path("memory_count").asLong(), instant(json, "created_at"),
                json.path("safety").asBoolean(false));
    }

    static Branch branch(JsonNode json) {
        JsonNode revision = json.get("source_revision");
        return new Branch(text(json, "name"), json.path("active").asBoolean(false), text(json, "source_branch"),
                revision == null || revision.isNull() ? null : revision.asLong(), instant(json, "created_at"));
    }

    static MergeResult merge(JsonNode json) {
        return new MergeResult(json.path("added").asLong(), json.path("replaced").asLong(),
                json.path("removed").asLong(), json.path("skipped").asLong(), text(json, "safety_snapshot"));
    }

    static RollbackResult rollback(JsonNode json) {
        return new RollbackResult(text(json, "branch"), json.path("revision").asLong(),
                text(json, "safety_snapshot"));
    }

    static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode json, String field) {
        String value = text(json, field);
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }
}
