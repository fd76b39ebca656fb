package dev.memoria.ports.model;

import java.time.Instant;

/** An agent tool (named by {@code X-Memoria-Tool} or an MCP tool call) and when a user last used it. */
public record ToolUse(String toolName, Instant lastUsedAt) {
}
