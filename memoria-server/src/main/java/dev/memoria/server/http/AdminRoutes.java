package dev.memoria.server.http;

import dev.memoria.core.Memoria;
import dev.memoria.ports.in.UserOverview;
import dev.memoria.ports.model.UserPage;
import dev.memoria.ports.out.StorageTotals;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /admin/*}: operator routes, all behind the master key (an API key gets 403). */
public final class AdminRoutes {

    private final Memoria memoria;
    private final Supplier<Map<String, Object>> redactedConfig;
    private final String instanceId;

    public AdminRoutes(Memoria memoria, Supplier<Map<String, Object>> redactedConfig, String instanceId) {
        this.memoria = memoria;
        this.redactedConfig = redactedConfig;
        this.instanceId = instanceId;
    }

    public void register(RoutesConfig routes) {
        routes.before("/admin/*", Requests::requireMaster);
        routes.get("/admin/stats", this::stats);
        routes.get("/admin/config", ctx -> ctx.json(redactedConfig.get()));
        routes.get("/admin/users", this::users);
        routes.get("/admin/users/{user}/stats", this::userStats);
        routes.get("/admin/audit", this::audit);
        routes.get("/admin/users/{user}/keys", ctx -> ctx.json(Map.of("user_id", ctx.pathParam("user"), "keys",
                memoria.listKeys(ctx.pathParam("user")).stream().map(ApiKeyRoutes::keyJson).toList())));
        routes.delete("/admin/users/{user}/keys", ctx -> ctx.json(Map.of("user_id", ctx.pathParam("user"),
                "revoked", memoria.revokeAllKeys(ctx.pathParam("user")))));
        routes.post("/admin/users/{user}/reset-access-counts", ctx -> ctx.json(Map.of("user_id", ctx.pathParam("user"),
                "reset", memoria.resetAccessCounts(ctx.pathParam("user")))));
        routes.delete("/admin/users/{user}", ctx -> ctx.json(Map.of("user_id", ctx.pathParam("user"),
                "erased_row_versions", memoria.eraseUser(ctx.pathParam("user")))));
        routes.delete("/admin/users/{user}/memories/{id}", ctx -> ctx.json(Map.of("user_id", ctx.pathParam("user"),
                "memory_id", ctx.pathParam("id"),
                "erased_row_versions", memoria.eraseMemory(ctx.pathParam("user"), ctx.pathParam("id")))));
    }

    /** The existing service's three totals first; this instance and its embedder are ours, for the console. */
    private void stats(Context ctx) {
        StorageTotals totals = memoria.totals();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total_users", totals.users());
        json.put("total_memories", totals.activeMemories());
        json.put("total_snapshots", totals.snapshots());
        json.put("instance_id", instanceId);
        json.put("embedder", memoria.hasEmbedder());
        ctx.json(json);
    }

    /** {@code ?cursor=<user_id>&limit=100}: users as objects, as the existing service sends them. */
    private void users(Context ctx) {
        UserPage page = memoria.listUsers(Requests.query(ctx, "cursor"), Requests.intQuery(ctx, "limit", 100));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("users", page.userIds().stream().map(id -> Map.of("user_id", id)).toList());
        json.put("next_cursor", page.nextCursor());
        ctx.json(json);
    }

    /** The audit trail: the master key's reads of other users' memories, newest first. */
    private void audit(Context ctx) {
        ctx.json(memoria.support().auditTrail(Requests.intQuery(ctx, "limit", 50)).stream().map(entry -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("event_id", entry.eventId());
            json.put("at", MemoryJson.timestamp(entry.at()));
            json.put("actor", entry.actor());
            json.put("acting_user", entry.actingUser());
            json.put("action", entry.action());
            json.put("user_id", entry.userId());
            json.put("target", entry.target());
            return json;
        }).toList());
    }

    private void userStats(Context ctx) {
        UserOverview overview = memoria.userOverview(ctx.pathParam("user"));
        Map<String, Object> byType = new LinkedHashMap<>();
        overview.mainStats().byType().forEach((type, count) -> byType.put(type.wireName(), count));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user_id", overview.userId());
        // memory_count and snapshot_count are the existing service's names; the rest is ours
        json.put("memory_count", overview.mainStats().total());
        json.put("snapshot_count", overview.snapshots());
        json.put("active_memories", overview.mainStats().total());
        json.put("by_type", byType);
        json.put("avg_confidence", Math.round(overview.mainStats().averageConfidence() * 100) / 100.0);
        json.put("branches", overview.branches());
        json.put("snapshots", overview.snapshots());
        json.put("active_keys", overview.activeKeys());
        json.put("retrievals", overview.retrievals());
        json.put("row_versions_by_branch", overview.rowVersionsByBranch());
        ctx.json(json);
    }
}
