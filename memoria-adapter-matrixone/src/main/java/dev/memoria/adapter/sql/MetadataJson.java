package dev.memoria.adapter.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.StorageException;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code extra_metadata} as JSON text. Never stored as NULL: an empty object is {@code {}}. */
final class MetadataJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private MetadataJson() {
    }

    static String write(Map<String, Object> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return "{}";
        }
        try {
            return MAPPER.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("invalid_metadata", "extra_metadata is not representable as JSON");
        }
    }

    static Map<String, Object> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new StorageException("corrupt_metadata", "Stored extra_metadata is not a JSON object");
        }
    }
}
