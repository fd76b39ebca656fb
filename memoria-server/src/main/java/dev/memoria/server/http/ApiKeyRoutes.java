package dev.memoria.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.core.Memoria;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.CreatedApiKey;
import dev.memoria.ports.model.ApiKey;
import dev.memoria.server.auth.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /auth/keys}: the master key creates keys for users; a key's owner (or the master key) lists, reads,
 * rotates and revokes it. Another user's key is reported as not found, exactly like a missing one.
 */
public final class ApiKeyRoutes {

    private final Memoria memoria;
    private final ObjectMapper mapper;

    public ApiKeyRoutes(Memoria memoria, ObjectMapper mapper) {
        this.memoria = memoria;
        this.mapper = mapper;
    }

    public void register(RoutesConfig routes) {
        routes.post("/auth/keys", this::create);
        // a bare array, newest first, active keys only: the existing service's SDKs read it that way
        routes.get("/auth/keys", ctx -> ctx.json(memoria.listKeys(Requests.principal(ctx).userId()).stream()
                .filter(ApiKey::active).map(ApiKeyRoutes::keyJson).toList()));
        routes.get("/auth/keys/{id}", ctx -> ctx.json(keyJson(owned(ctx))));
        routes.put("/auth/keys/{id}/rotate", this::rotate);
        routes.delete("/auth/keys/{id}", this::revoke);
    }

    private void create(Context ctx) {
        Requests.requireMaster(ctx);
        JsonBody body = JsonBody.of(ctx, mapper);
        String user = body.optionalText("user_id");
        CreatedApiKey created = memoria.createKey(user == null ? Requests.principal(ctx).userId() : user,
                body.string("name"), body.timestamp("expires_at"));
        ctx.status(201).json(createdJson(created));
    }

    /** The key if the caller may see it: its owner, or the master key. */
    private ApiKey owned(Context ctx) {
        Principal principal = Requests.principal(ctx);
        return memoria.findKey(ctx.pathParam("id"))
                .filter(key -> principal.master() || key.userId().equals(principal.userId()))
                .orElseThrow(() -> new NotFoundException("key_not_found", "API key not found"));
    }

    private void rotate(Context ctx) {
        CreatedApiKey rotated = memoria.rotateKey(owned(ctx).keyId());
        ctx.status(201).json(createdJson(rotated));
    }

    private void revoke(Context ctx) {
        memoria.revokeKey(owned(ctx).keyId());
        ctx.status(204);
    }

    private static Map<String, Object> createdJson(CreatedApiKey created) {
        Map<String, Object> json = keyJson(created.key());
        json.put("raw_key", created.rawKey());
        return json;
    }

    static Map<String, Object> keyJson(ApiKey key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key_id", key.keyId());
        json.put("user_id", key.userId());
        json.put("name", key.name());
        json.put("key_prefix", key.keyPrefix());
        json.put("is_active", key.active());
        json.put("created_at", MemoryJson.timestamp(key.createdAt()));
        json.put("expires_at", MemoryJson.timestamp(key.expiresAt()));
        json.put("last_used_at", MemoryJson.timestamp(key.lastUsedAt()));
        return json;
    }
}
