package dev.memoria.server.mcp;

/**
 * One tool's behaviour: the acting user and the call's arguments in, the result text out.
 * Client mistakes are thrown as {@link ToolError} or {@link dev.memoria.ports.error.MemoriaException}.
 */
@FunctionalInterface
interface ToolHandler {

    String call(String userId, ToolArguments arguments);
}
