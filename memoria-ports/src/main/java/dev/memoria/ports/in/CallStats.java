package dev.memoria.ports.in;

import dev.memoria.ports.model.ApiCall;

import java.util.List;

/**
 * A user's calls over a window of days.
 *
 * @param byPath      per route, busiest first
 * @param recentCalls the newest calls, newest first
 * @param allTime     totals over every recorded call
 * @param series      one entry per day of the window, oldest first ({@code dayIndex} 0 is the first day)
 */
public record CallStats(long totalCalls, double averageLatencyMs, long errorCount, double errorRate, int days,
                        List<PathStats> byPath, List<ApiCall> recentCalls, AllTime allTime, List<DaySeries> series) {

    public CallStats {
        byPath = List.copyOf(byPath);
        recentCalls = List.copyOf(recentCalls);
        series = List.copyOf(series);
    }

    /** @param rpcErrorCount failed MCP tool calls (JSON-RPC errors); zero for REST routes */
    public record PathStats(String method, String path, long count, double averageMs, long maxMs, long errorCount,
                            long rpcErrorCount, double errorRate) {
    }

    public record AllTime(long totalCalls, long totalWrites, long totalRetrieves, long totalDeletes,
                          double averageRetrievalMs) {
    }

    public record DaySeries(int dayIndex, long writes, long deletes, long retrieves, long total) {
    }
}
