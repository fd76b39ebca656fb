package dev.memoria.adapter.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.ports.error.StorageException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON documents in text columns (task results, governance counts); null stays null. */
final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonColumns() {
    }

    static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException("unserialisable_json", "Value is not representable as JSON");
        }
    }

    static Map<String, Object> readObject(String json) {
        return read(json, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    static Map<String, Long> readCounts(String json) {
        Map<String, Long> counts = read(json, new TypeReference<LinkedHashMap<String, Long>>() {
        });
        return counts == null ? Map.of() : counts;
    }

    static List<String> readStrings(String json) {
        List<String> list = read(json, new TypeReference<List<String>>() {
        });
        return list == null ? List.of() : list;
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StorageException("corrupt_json", "A stored JSON document is corrupt");
        }
    }
}
