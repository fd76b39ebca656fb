package dev.memoria.ports.model;

import java.time.LocalDate;

/**
 * The calls of one user to one route on one (UTC) day, summed by the storage.
 *
 * @param errors    calls that failed: a status of 400 or more, or a JSON-RPC error
 * @param rpcErrors the failed calls that were MCP tool calls answering a JSON-RPC error
 */
public record CallAggregate(LocalDate day, String method, String path, long count, long totalLatencyMs,
                            long maxLatencyMs, long errors, long rpcErrors) {
}
