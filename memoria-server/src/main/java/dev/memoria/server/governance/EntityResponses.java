package dev.memoria.server.governance;

import dev.memoria.core.llm.EntityExtraction;
import dev.memoria.ports.in.LlmMode;
import dev.memoria.ports.model.Entity;
import dev.memoria.ports.model.Memory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bodies of entity extraction and linking, shared by {@code POST /v1/extract-entities[/link]} and the MCP
 * tools {@code memory_extract_entities} and {@code memory_link_entities}, so both say the same thing.
 */
public final class EntityResponses {

    private EntityResponses() {
    }

    /** The body for an extraction {@link EntityExtraction#extract(String, LlmMode) decided in the core}. */
    public static Map<String, Object> extract(EntityExtraction.Extraction extraction) {
        if (extraction.unlinked().isEmpty()) {
            return complete();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        if (extraction.handedOver()) {
            json.put("status", "candidates");
            json.put("unlinked", extraction.unlinked().size());
            json.put("memories", extraction.unlinked().stream().map(EntityResponses::memoryRef).toList());
            json.put("existing_entities", extraction.known().stream().map(EntityResponses::entity).toList());
            return json;
        }
        EntityExtraction.ExtractResult result = extraction.extracted();
        json.put("status", "done");
        json.put("total_memories", result.unlinked().size());
        json.put("entities_found", result.entitiesFound());
        json.put("failed", result.failed());
        return json;
    }

    /** The counts of a link request. */
    public static Map<String, Object> linked(EntityExtraction.LinkResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("entities_created", result.entitiesCreated());
        json.put("entities_reused", result.entitiesReused());
        json.put("edges_created", result.edgesCreated());
        return json;
    }

    public static Map<String, Object> entity(Entity e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", e.displayName());
        json.put("entity_type", e.entityType());
        return json;
    }

    static Map<String, Object> memoryRef(Memory m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("memory_id", m.memoryId());
        json.put("content", m.content());
        return json;
    }

    private static Map<String, Object> complete() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "complete");
        json.put("unlinked", 0);
        return json;
    }
}
