package dev.memoria.core.usage;

import java.util.Set;

/**
 * Which calls are writes, retrievals and deletes, for the per-day series. Routes are templates, so the sets are
 * short; MCP tool calls count by tool name.
 */
final class CallKinds {

    private static final Set<String> WRITES = Set.of("POST /v1/memories", "POST /v1/memories/batch",
            "POST /v1/memories/correct", "PUT /v1/memories/{id}/correct", "POST /v1/observe",
            "POST /mcp/memory_store", "POST /mcp/memory_correct", "POST /mcp/memory_observe");
    private static final Set<String> RETRIEVES = Set.of("POST /v1/memories/retrieve", "POST /v1/memories/search",
            "POST /v1/memories/fulltext-search", "POST /mcp/memory_retrieve", "POST /mcp/memory_search");
    private static final Set<String> DELETES = Set.of("DELETE /v1/memories/{id}", "POST /v1/memories/purge",
            "POST /mcp/memory_purge");

    private CallKinds() {
    }

    static boolean isWrite(String method, String path) {
        return WRITES.contains(method + " " + path);
    }

    static boolean isRetrieve(String method, String path) {
        return RETRIEVES.contains(method + " " + path);
    }

    static boolean isDelete(String method, String path) {
        return DELETES.contains(method + " " + path);
    }
}
