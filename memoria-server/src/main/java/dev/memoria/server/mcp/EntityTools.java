package dev.memoria.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.core.Memoria;
import dev.memoria.core.llm.EntityExtraction;
import dev.memoria.ports.in.LlmMode;
import dev.memoria.ports.model.Entity;
import dev.memoria.server.governance.EntityResponses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hidden entity tools: {@code memory_extract_entities} (what {@code POST /v1/extract-entities} answers, as
 * compact JSON text) and {@code memory_link_entities} (links the entities an agent extracted itself). Like the
 * reference, a malformed {@code entities} argument is answered with an error JSON text rather than a failed call.
 */
final class EntityTools {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Memoria memoria;

    EntityTools(Memoria memoria) {
        this.memoria = memoria;
    }

    Map<String, ToolHandler> handlers() {
        Map<String, ToolHandler> tools = new LinkedHashMap<>();
        tools.put("memory_extract_entities", this::extract);
        tools.put("memory_link_entities", this::link);
        return tools;
    }

    private String extract(String user, ToolArguments args) {
        return ResultTexts.compact(EntityResponses.extract(memoria.governance().entities().extract(user,
                LlmMode.parse(args.text("mode")))));
    }

    private String link(String user, ToolArguments args) {
        List<EntityExtraction.Links> request;
        try {
            request = parse(args.raw("entities"));
        } catch (IllegalArgumentException e) {
            return ResultTexts.compact(Map.of("error", e.getMessage()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "done");
        json.putAll(EntityResponses.linked(memoria.governance().entities().link(user, request)));
        return ResultTexts.compact(json);
    }

    /** {@code [{"memory_id", "entities": [{"name", "type"}]}]}, given as a JSON string (or, leniently, as an array). */
    static List<EntityExtraction.Links> parse(Object raw) {
        JsonNode items;
        if (raw instanceof String text) {
            try {
                items = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("entities is not valid JSON: " + e.getOriginalMessage());
            }
        } else if (raw != null) {
            items = JSON.valueToTree(raw);
        } else {
            throw new IllegalArgumentException("entities is required");
        }
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("entities must be a JSON array of {memory_id, entities}");
        }
        List<EntityExtraction.Links> links = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode memoryId = item.path("memory_id");
            if (!memoryId.isTextual() || memoryId.asText().isBlank()) {
                throw new IllegalArgumentException("every item needs a memory_id string");
            }
            List<Entity> entities = new ArrayList<>();
            for (JsonNode entity : item.path("entities")) {
                JsonNode name = entity.path("name");
                if (!name.isTextual()) {
                    throw new IllegalArgumentException("every entity needs a name string");
                }
                JsonNode type = entity.path("type");
                entities.add(new Entity(name.asText(), name.asText(), type.isTextual() ? type.asText() : null));
            }
            links.add(new EntityExtraction.Links(memoryId.asText(), entities));
        }
        return links;
    }
}
