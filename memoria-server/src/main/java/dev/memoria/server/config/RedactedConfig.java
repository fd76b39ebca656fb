package dev.memoria.server.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** The running configuration for {@code /admin/config}: every setting, secrets replaced by whether they are set. */
public final class RedactedConfig {

    private RedactedConfig() {
    }

    public static Map<String, Object> of(ServerConfig config, String dialect) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("port", config.port());
        json.put("data_dir", config.dataDir().toString());
        json.put("master_key", "***");
        json.put("api_key_secret", config.apiKeySecret().isEmpty() ? "(master key)" : "***");
        json.put("api_key_previous_secrets", config.previousApiKeySecrets().size());
        json.put("rate_limit_auth_keys", config.rateLimitAuthKeys());
        json.put("instance_id", config.instanceId());
        json.put("lock_ttl_secs", config.lockTtlSeconds());
        json.put("max_body_bytes", config.maxBodyBytes());
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("dialect", dialect);
        db.put("host", config.db().embedded() ? "(embedded)" : config.db().host());
        db.put("port", config.db().port());
        db.put("user", config.db().user());
        db.put("password", "***");
        db.put("name", config.db().name());
        db.put("pool_size", config.db().poolSize());
        json.put("db", db);
        Map<String, Object> embedding = new LinkedHashMap<>();
        embedding.put("provider", config.embedding().provider());
        embedding.put("model", config.embedding().model());
        embedding.put("base_url", config.embedding().baseUrl());
        embedding.put("api_key", config.embedding().apiKey().isEmpty() ? "" : "***");
        embedding.put("endpoints", config.embedding().endpoints().isBlank() ? "none" : "*** (configured)");
        embedding.put("dim", config.embedding().dim());
        json.put("embedding", embedding);
        Map<String, Object> llm = new LinkedHashMap<>();
        llm.put("configured", config.llm().configured());
        llm.put("base_url", config.llm().baseUrl());
        llm.put("model", config.llm().model());
        json.put("llm", llm);
        json.put("governance", Map.of("enabled", config.governance().enabled(),
                "plugin_binding", config.governance().pluginBinding(),
                "plugin_subject", config.governance().pluginSubject()));
        return json;
    }
}
