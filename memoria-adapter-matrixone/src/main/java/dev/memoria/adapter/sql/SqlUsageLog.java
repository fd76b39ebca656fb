package dev.memoria.adapter.sql;

import dev.memoria.ports.model.ApiCall;
import dev.memoria.ports.model.CallAggregate;
import dev.memoria.ports.model.ToolUse;
import dev.memoria.ports.out.UsageLog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls in {@code mem_api_calls} (one row each, summed per day in SQL) and tool use in {@code mem_tool_usage}. */
final class SqlUsageLog implements UsageLog {

    private static final String CALLS = SchemaDefinition.API_CALLS.name();
    private static final String TOOLS = SchemaDefinition.TOOL_USAGE.name();

    private final Database db;
    private final String toolUpsert;

    SqlUsageLog(Database db) {
        this.db = db;
        this.toolUpsert = db.dialect().upsert(TOOLS, List.of("user_id", "tool_name"), List.of("last_used_at"));
    }

    @Override
    public void recordCalls(List<ApiCall> calls) {
        db.transaction("record calls", h -> {
            var batch = h.prepareBatch("INSERT INTO " + CALLS + " (call_id, user_id, method, path, status_code, "
                    + "rpc_error, latency_ms, called_at) VALUES (:id, :u, :m, :p, :s, :r, :l, :t)");
            for (ApiCall call : calls) {
                batch.bind("id", UUID.randomUUID().toString()).bind("u", call.userId()).bind("m", call.method())
                        .bind("p", call.path()).bind("s", (long) call.status()).bind("r", call.rpcError()).bind("l", call.latencyMs())
                        .bind("t", UtcTimes.toDb(call.at())).add();
            }
            return batch.execute();
        });
    }

    @Override
    public void touchTools(String userId, Map<String, Instant> lastUsed) {
        db.transaction("record tool use", h -> {
            for (Map.Entry<String, Instant> use : lastUsed.entrySet()) {
                h.createUpdate(toolUpsert).bind("user_id", userId).bind("tool_name", use.getKey())
                        .bind("last_used_at", UtcTimes.toDb(use.getValue())).execute();
            }
            return null;
        });
    }

    @Override
    public List<ToolUse> tools(String userId) {
        return db.read("read tool use", h -> h.createQuery("SELECT tool_name, last_used_at FROM " + TOOLS
                        + " WHERE user_id = :u ORDER BY last_used_at DESC, tool_name")
                .bind("u", userId)
                .map((rs, ctx) -> new ToolUse(rs.getString("tool_name"), UtcTimes.read(rs, "last_used_at")))
                .list());
    }

    @Override
    public List<CallAggregate> aggregate(String userId, Instant since) {
        return db.read("sum calls", h -> {
            var query = h.createQuery("SELECT CAST(called_at AS DATE) AS call_day, method, path, COUNT(*) AS n, "
                            + "SUM(latency_ms) AS total_ms, MAX(latency_ms) AS max_ms, "
                            + "SUM(CASE WHEN status_code >= 400 OR rpc_error = :t THEN 1 ELSE 0 END) AS errors, "
                            + "SUM(CASE WHEN rpc_error = :t THEN 1 ELSE 0 END) AS rpc_errors FROM " + CALLS
                            + " WHERE user_id = :u" + (since == null ? "" : " AND called_at >= :since")
                            + " GROUP BY CAST(called_at AS DATE), method, path ORDER BY call_day, method, path")
                    .bind("u", userId).bind("t", true);
            if (since != null) {
                query.bind("since", UtcTimes.toDb(since));
            }
            return query.map((rs, ctx) -> new CallAggregate(rs.getObject("call_day", LocalDate.class),
                    rs.getString("method"), rs.getString("path"), rs.getLong("n"), rs.getLong("total_ms"),
                    rs.getLong("max_ms"), rs.getLong("errors"), rs.getLong("rpc_errors"))).list();
        });
    }

    @Override
    public List<ApiCall> recent(String userId, int limit) {
        return db.read("read recent calls", h -> h.createQuery("SELECT method, path, status_code, rpc_error, latency_ms, "
                        + "called_at FROM " + CALLS + " WHERE user_id = :u ORDER BY called_at DESC, call_id DESC "
                        + "LIMIT :n")
                .bind("u", userId).bind("n", limit)
                .map((rs, ctx) -> new ApiCall(userId, rs.getString("method"), rs.getString("path"),
                        (int) rs.getLong("status_code"), rs.getBoolean("rpc_error"), rs.getLong("latency_ms"),
                        UtcTimes.read(rs, "called_at")))
                .list());
    }

    @Override
    public long prune(Instant before) {
        return db.write("prune calls", h -> (long) h.createUpdate("DELETE FROM " + CALLS + " WHERE called_at < :t")
                .bind("t", UtcTimes.toDb(before)).execute());
    }
}
