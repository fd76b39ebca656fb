package dev.memoria.server.http;

import dev.memoria.core.Memoria;
import dev.memoria.ports.in.UserOverview;
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
        routes.get("/admin/users", ctx -> {
            var users = memoria.listUsers();
            ctx.json(Map.of("users", users, "total", users.size()));
        });
        routes.get("/admin/users/{user}/stats", this::userStats);
        routes.get("/admin/users/{user}/keys", ctx -> ctx.json(Map.of("keys",
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

    private void stats(Context ctx) {
        var users = memoria.listUsers();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("instance_id", instanceId);
        json.put("users", users.size());
        json.put("embedder", memoria.hasEmbedder());
        ctx.json(json);
    }

    private void userStats(Context ctx) {
        UserOverview overview = memoria.userOverview(ctx.pathParam("user"));
        Map<String, Object> byType = new LinkedHashMap<>();
        overview.mainStats().byType().forEach((type, count) -> byType.put(type.wireName(), count));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user_id", overview.userId());
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
