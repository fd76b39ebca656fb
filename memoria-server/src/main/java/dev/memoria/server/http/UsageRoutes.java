package dev.memoria.server.http;

import dev.memoria.ports.in.CallStats;
import dev.memoria.ports.in.ReportUsage;
import dev.memoria.ports.model.ApiCall;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /v1/tool-usage} (the caller's agents) and {@code /admin/users/{user}/call-stats} (master key). */
public final class UsageRoutes {

    private final ReportUsage usage;

    public UsageRoutes(ReportUsage usage) {
        this.usage = usage;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/tool-usage", ctx -> ctx.json(usage.toolUsage(Requests.principal(ctx).userId()).stream()
                .map(tool -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("tool_name", tool.toolName());
                    json.put("last_used_at", MemoryJson.timestamp(tool.lastUsedAt()));
                    return json;
                }).toList()));
        routes.get("/admin/users/{user}/call-stats", this::callStats);
    }

    private void callStats(Context ctx) {
        Requests.requireMaster(ctx);
        CallStats stats = usage.callStats(ctx.pathParam("user"), Requests.intQuery(ctx, "days", 7));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total_calls", stats.totalCalls());
        json.put("avg_latency_ms", DiagnosticsRoutes.round(stats.averageLatencyMs(), 1));
        json.put("error_count", stats.errorCount());
        json.put("error_rate", DiagnosticsRoutes.round(stats.errorRate(), 4));
        json.put("days", stats.days());
        json.put("by_path", stats.byPath().stream().map(p -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("method", p.method());
            item.put("path", p.path());
            item.put("count", p.count());
            item.put("avg_ms", DiagnosticsRoutes.round(p.averageMs(), 1));
            item.put("max_ms", p.maxMs());
            item.put("error_count", p.errorCount());
            item.put("rpc_error_count", p.rpcErrorCount());
            item.put("error_rate", DiagnosticsRoutes.round(p.errorRate(), 4));
            return item;
        }).toList());
        json.put("recent_calls", stats.recentCalls().stream().map(UsageRoutes::callJson).toList());
        CallStats.AllTime all = stats.allTime();
        Map<String, Object> allTime = new LinkedHashMap<>();
        allTime.put("total_calls", all.totalCalls());
        allTime.put("total_writes", all.totalWrites());
        allTime.put("total_retrieves", all.totalRetrieves());
        allTime.put("total_deletes", all.totalDeletes());
        allTime.put("avg_retrieval_ms", DiagnosticsRoutes.round(all.averageRetrievalMs(), 1));
        json.put("all_time", allTime);
        json.put("series", stats.series().stream().map(d -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("day_idx", d.dayIndex());
            item.put("writes", d.writes());
            item.put("deletes", d.deletes());
            item.put("retrieves", d.retrieves());
            item.put("total", d.total());
            return item;
        }).toList());
        ctx.json(json);
    }

    private static Map<String, Object> callJson(ApiCall call) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", call.method());
        json.put("path", call.path());
        json.put("status_code", call.status());
        json.put("latency_ms", call.latencyMs());
        json.put("called_at", MemoryJson.timestamp(call.at()));
        json.put("status", call.failed() ? "err" : "ok");
        return json;
    }
}
