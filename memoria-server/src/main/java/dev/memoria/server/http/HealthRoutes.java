package dev.memoria.server.http;

import dev.memoria.ports.out.StorageHealth;
import io.javalin.config.RoutesConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/** Liveness ({@code /health}) and readiness ({@code /health/instance}: this replica and its database). */
public final class HealthRoutes {

    private final StorageHealth storage;
    private final String instanceId;

    public HealthRoutes(StorageHealth storage, String instanceId) {
        this.storage = storage;
        this.instanceId = instanceId;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> ctx.contentType("text/plain; charset=utf-8").result("ok"));
        routes.get("/health/instance", ctx -> {
            boolean db = storage.isReachable();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", db ? "ok" : "degraded");
            json.put("instance_id", instanceId);
            json.put("db", db);
            ctx.status(db ? 200 : 503).json(json);
        });
    }
}
