package dev.memoria.server.mcp;

/**
 * A tool call the caller got wrong (missing or mistyped argument, nothing selected). It becomes a tool result
 * with {@code isError=true} and this message, so the agent can read what to fix — never a protocol error.
 */
final class ToolError extends RuntimeException {

    ToolError(String message) {
        super(message);
    }
}
