package dev.memoria.server.mcp;

import java.util.Map;

/**
 * What an agent sees of a tool: its name, when to use it, and its arguments as JSON Schema.
 *
 * @param hidden callable but left out of {@code tools/list} (operational tools agents should not pick on their own)
 * @param strict unknown argument names are refused instead of ignored
 */
record ToolSpec(String name, String description, Map<String, Object> inputSchema, boolean hidden, boolean strict) {
}
