package dev.memoria.server.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.memoria.core.retrieval.RetrievalSettings;
import dev.memoria.ports.error.ConfigurationException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The server's whole configuration, read once at start-up from {@code reference.conf} with environment
 * overrides ({@code MEMORIA_*}, {@code LLM_*}). Immutable; secrets are never printed by {@link #toString()}.
 */
public record ServerConfig(
        int port,
        Path dataDir,
        String masterKey,
        String apiKeySecret,
        List<String> previousApiKeySecrets,
        String rateLimitAuthKeys,
        int authFailuresPerMinute,
        String instanceId,
        int lockTtlSeconds,
        long maxBodyBytes,
        Db db,
        Embedding embedding,
        Llm llm,
        Governance governance,
        Retrieval retrieval) {

    /** Storage: empty host means the embedded H2 file database under the data directory. */
    public record Db(String host, int port, String user, String password, String name, String dialect, int poolSize) {
        public boolean embedded() {
            return host.isBlank();
        }

        @Override
        public String toString() {
            return "Db[host=" + host + ", port=" + port + ", user=" + user + ", name=" + name + ", dialect=" + dialect
                    + ", poolSize=" + poolSize + "]";
        }
    }

    public record Embedding(String provider, String model, String apiKey, String baseUrl, String endpoints, int dim) {
        @Override
        public String toString() {
            return "Embedding[provider=" + provider + ", model=" + model + ", baseUrl=" + baseUrl + ", dim=" + dim
                    + ", endpoints=" + (endpoints.isBlank() ? "none" : "configured") + "]";
        }
    }

    public record Llm(String apiKey, String baseUrl, String model) {
        public boolean configured() {
            return !apiKey.isBlank();
        }

        @Override
        public String toString() {
            return "Llm[configured=" + configured() + ", baseUrl=" + baseUrl + ", model=" + model + "]";
        }
    }

    /**
     * Governance: the scheduler switch, plugin settings, task intervals (seconds), policy thresholds and the
     * cooldowns of the per-user triggers (seconds).
     */
    public record Governance(boolean enabled, String pluginBinding, String pluginSubject, String pluginDir,
                             long hourlySecs, long dailySecs, long weeklySecs, double quarantineThreshold,
                             int snapshotsToKeep, int gcHorizonDays, long governanceCooldownSecs,
                             long consolidateCooldownSecs, long reflectCooldownSecs) {
    }

    /**
     * Retrieval: the fusion mode and the stages switched on or off on top of the defaults (names as in
     * {@code StageId}); validated when the server wires retrieval.
     */
    public record Retrieval(String fusion, List<String> stagesOn, List<String> stagesOff) {
        public Retrieval {
            stagesOn = List.copyOf(stagesOn);
            stagesOff = List.copyOf(stagesOff);
        }

        /** @throws ConfigurationException for an unknown fusion mode or stage name */
        public RetrievalSettings settings() {
            return RetrievalSettings.of(fusion, stagesOn, stagesOff);
        }
    }

    /** Loads from the environment, system properties and the bundled defaults. */
    public static ServerConfig load() {
        ConfigFactory.invalidateCaches();
        return from(ConfigFactory.load());
    }

    /** Loads with extra settings layered on top (tests, embedded use); keys are paths such as {@code memoria.port}. */
    public static ServerConfig load(java.util.Map<String, ?> overrides) {
        ConfigFactory.invalidateCaches();
        return from(ConfigFactory.parseMap(overrides).withFallback(ConfigFactory.load()).resolve());
    }

    static ServerConfig from(Config root) {
        try {
            Config c = root.getConfig("memoria");
            Config db = c.getConfig("db");
            Config emb = c.getConfig("embedding");
            Config llm = c.getConfig("llm");
            Config gov = c.getConfig("governance");
            Config retrieval = c.getConfig("retrieval");
            ServerConfig config = new ServerConfig(
                    c.getInt("port"),
                    Path.of(c.getString("data-dir")),
                    c.getString("master-key").trim(),
                    c.getString("api-key-secret"),
                    splitList(c.getString("api-key-previous-secrets")),
                    c.getString("rate-limit-auth-keys"),
                    c.getInt("auth-failures-per-minute"),
                    c.getString("instance-id"),
                    c.getInt("lock-ttl-secs"),
                    c.getLong("max-body-bytes"),
                    new Db(db.getString("host").trim(), db.getInt("port"), db.getString("user"), db.getString("password"),
                            db.getString("name"), db.getString("dialect"), db.getInt("pool-size")),
                    new Embedding(emb.getString("provider"), emb.getString("model"), emb.getString("api-key"),
                            emb.getString("base-url"), emb.getString("endpoints"), emb.getInt("dim")),
                    new Llm(llm.getString("api-key"), llm.getString("base-url"), llm.getString("model")),
                    new Governance(gov.getBoolean("enabled"), gov.getString("plugin-binding"),
                            gov.getString("plugin-subject"), gov.getString("plugin-dir"),
                            gov.getLong("hourly-secs"), gov.getLong("daily-secs"), gov.getLong("weekly-secs"),
                            gov.getDouble("quarantine-threshold"), gov.getInt("snapshots-keep"),
                            gov.getInt("gc-horizon-days"), gov.getLong("cooldown-governance-secs"),
                            gov.getLong("cooldown-consolidate-secs"), gov.getLong("cooldown-reflect-secs")),
                    new Retrieval(retrieval.getString("fusion").strip(), splitList(retrieval.getString("stages-on")),
                            splitList(retrieval.getString("stages-off"))));
            config.validate();
            config.retrieval().settings();
            return config;
        } catch (ConfigException e) {
            throw new ConfigurationException("invalid_config", "Invalid configuration: " + e.getMessage(), e);
        }
    }

    private static List<String> splitList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private void validate() {
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("invalid_port", "MEMORIA_PORT must be between 0 and 65535, got " + port);
        }
        if (!masterKey.isEmpty() && masterKey.length() < 16) {
            throw new ConfigurationException("weak_master_key",
                    "MEMORIA_MASTER_KEY must be at least 16 characters (got " + masterKey.length()
                            + "); unset it to have one generated in the data directory");
        }
        if (authFailuresPerMinute < 1) {
            throw new ConfigurationException("invalid_auth_failures", "MEMORIA_AUTH_FAILURES_PER_MINUTE must be at least 1");
        }
        if (governance.hourlySecs() < 1 || governance.dailySecs() < 1 || governance.weeklySecs() < 1) {
            throw new ConfigurationException("invalid_governance_interval",
                    "MEMORIA_GOVERNANCE_{HOURLY,DAILY,WEEKLY}_SECS must be at least 1");
        }
        if (governance.quarantineThreshold() < 0 || governance.quarantineThreshold() > 1) {
            throw new ConfigurationException("invalid_quarantine_threshold",
                    "MEMORIA_GOVERNANCE_QUARANTINE_THRESHOLD must be between 0 and 1");
        }
        if (governance.snapshotsToKeep() < 1 || governance.gcHorizonDays() < 0) {
            throw new ConfigurationException("invalid_governance_retention",
                    "MEMORIA_GOVERNANCE_SNAPSHOTS_KEEP must be at least 1 and MEMORIA_GOVERNANCE_GC_HORIZON_DAYS at least 0");
        }
        if (lockTtlSeconds < 3) {
            throw new ConfigurationException("invalid_lock_ttl", "MEMORIA_LOCK_TTL_SECS must be at least 3");
        }
    }

    @Override
    public String toString() {
        return "ServerConfig[port=" + port + ", dataDir=" + dataDir + ", masterKey=" + (masterKey.isEmpty() ? "unset" : "***")
                + ", apiKeySecret=" + (apiKeySecret.isEmpty() ? "unset" : "***") + ", rateLimitAuthKeys="
                + rateLimitAuthKeys + ", instanceId=" + instanceId + ", lockTtlSeconds=" + lockTtlSeconds
                + ", maxBodyBytes=" + maxBodyBytes + ", " + db + ", " + embedding + ", " + llm + ", " + governance + "]";
    }
}
