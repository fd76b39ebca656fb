package dev.memoria.adapter.embedding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.ports.error.ConfigurationException;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code MEMORIA_EMBEDDING_ENDPOINTS}: a JSON array of {@code {"url": ..., "api_key": ...}}.
 * Unlike the service we are compatible with, which ignores a malformed value with a warning, this
 * fails start-up: silently falling back to another endpoint would hide a typo in production.
 */
public final class EmbeddingEndpoints {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE = "[{\"url\":\"https://api.example.com/v1\",\"api_key\":\"sk-...\"}]";

    private EmbeddingEndpoints() {
    }

    /** Blank or null input means "none configured" and gives an empty list. */
    public static List<EmbeddingEndpoint> parse(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw error("is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isArray()) {
            throw error("must be a JSON array");
        }
        List<EmbeddingEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            if (!item.isObject()) {
                throw error("item " + i + " must be an object");
            }
            JsonNode url = item.get("url");
            if (url == null || !url.isTextual() || url.asText().isBlank()) {
                throw error("item " + i + " needs a non-empty string \"url\"");
            }
            JsonNode key = item.has("api_key") ? item.get("api_key") : item.get("apiKey");
            if (key != null && !key.isNull() && !key.isTextual()) {
                throw error("item " + i + ": \"api_key\" must be a string");
            }
            String apiKey = key == null || key.isNull() ? "" : key.asText();
            try {
                endpoints.add(new EmbeddingEndpoint(url.asText(), apiKey));
            } catch (ConfigurationException e) {
                throw error("item " + i + ": " + e.getMessage());
            }
        }
        if (endpoints.isEmpty()) {
            throw error("is an empty array; leave it unset to use the base URL instead");
        }
        return List.copyOf(endpoints);
    }

    private static ConfigurationException error(String what) {
        // Never echo the input: it contains API keys.
        return new ConfigurationException("embedding_config",
                "MEMORIA_EMBEDDING_ENDPOINTS " + what + "; expected e.g. " + EXAMPLE);
    }
}
