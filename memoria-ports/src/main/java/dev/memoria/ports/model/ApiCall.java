package dev.memoria.ports.model;

import java.time.Instant;

/**
 * One handled request, as usage analytics count it.
 *
 * @param userId    the user it acted for
 * @param method    HTTP method (an MCP tool call is a {@code POST})
 * @param path      the route template ({@code /v1/memories/{id}}, never the raw path) or {@code /mcp/<tool>}
 * @param status    the HTTP status answered
 * @param rpcError  an MCP tool call that answered a JSON-RPC error (its HTTP status is still 200)
 * @param latencyMs time to answer
 * @param at        when it finished
 */
public record ApiCall(String userId, String method, String path, int status, boolean rpcError, long latencyMs,
                      Instant at) {

    public boolean failed() {
        return status >= 400 || rpcError;
    }
}
