package dev.memoria.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.adapter.embedding.Embedder;
import dev.memoria.adapter.sql.SqlStorage;
import dev.memoria.core.Memoria;
import dev.memoria.core.cluster.ClusterSettings;
import dev.memoria.core.cluster.ScheduledTask;
import dev.memoria.core.governance.Cooldowns;
import dev.memoria.core.governance.GovernancePolicy;
import dev.memoria.core.governance.plugin.PluginDirectory;
import dev.memoria.core.governance.plugin.PluginPackage;
import dev.memoria.core.governance.plugin.PluginSettings;
import dev.memoria.adapter.embedding.plugin.HttpPolicyEndpoint;
import dev.memoria.adapter.embedding.llm.LlmSettings;
import dev.memoria.adapter.embedding.llm.OpenAiChatClient;
import dev.memoria.server.auth.ApiKeyVerifier;
import dev.memoria.server.auth.Authenticator;
import dev.memoria.server.auth.Principal;
import dev.memoria.server.auth.RequestLimits;
import dev.memoria.server.config.RedactedConfig;
import dev.memoria.server.config.MasterKeyFile;
import dev.memoria.server.config.ServerConfig;
import dev.memoria.server.http.HttpApi;
import dev.memoria.server.http.RegisteredRoutes;
import dev.memoria.server.metrics.MeteredEmbedder;
import dev.memoria.server.metrics.ServerMetrics;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Wires configuration, adapters and the core into a running server, and takes it down again in the
 * reverse order: stop accepting requests, let in-flight ones finish, then close the embedder and the pool.
 */
public final class MemoriaServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MemoriaServer.class);
    /** The version reported by {@code memoria_info}; the jar's implementation version when packaged. */
    static final String VERSION = java.util.Objects.requireNonNullElse(
            MemoriaServer.class.getPackage().getImplementationVersion(), "dev");

    private final Javalin app;
    private final SqlStorage storage;
    private final Embedder embedder;
    private final String instanceId;
    private final Memoria memoria;
    private final OpenAiChatClient llm;
    private final RegisteredRoutes routes;

    private MemoriaServer(Javalin app, SqlStorage storage, Embedder embedder, String instanceId, Memoria memoria,
                          OpenAiChatClient llm, RegisteredRoutes routes) {
        this.routes = routes;
        this.app = app;
        this.storage = storage;
        this.embedder = embedder;
        this.instanceId = instanceId;
        this.memoria = memoria;
        this.llm = llm;
    }

    /** Builds everything and starts listening; any misconfiguration fails here, before a port is opened. */
    public static MemoriaServer start(ServerConfig config) {
        long started = System.nanoTime();
        String masterKey = MasterKeyFile.resolve(config);
        String instanceId = instanceIdOf(config);
        Embedder embedder = LocalAdapters.embedder(config);
        SqlStorage storage = null;
        OpenAiChatClient llm = config.llm().configured() ? new OpenAiChatClient(LlmSettings.of(config.llm().apiKey(),
                config.llm().baseUrl(), config.llm().model())) : null;
        try {
            storage = SqlStorage.open(LocalAdapters.storage(config, embedder));
            ServerMetrics metrics = new ServerMetrics(instanceId, VERSION);
            Memoria memoria = Memoria.builder().storage(storage.ports())
                    .embedder(embedder == null ? null : new MeteredEmbedder(embedder, metrics.registry()))
                    .apiKeySecret(config.apiKeySecret().isEmpty() ? masterKey : config.apiKeySecret(),
                            config.previousApiKeySecrets())
                    .coordination(storage.coordination())
                    .operations(storage.operations())
                    .llm(llm)
                    .cluster(clusterSettings(config, instanceId))
                    .governancePolicy(governancePolicy(config.governance()))
                    .retrievalSettings(config.retrieval().settings())
                    .pluginRegistry(storage.pluginRegistry())
                    .pluginSettings(pluginSettings(config.governance()))
                    // synchronous calls only: no dispatcher threads to stop, idle connections expire on their own
                    .policyEndpoint(new HttpPolicyEndpoint())
                    .build();
            ObjectMapper mapper = ObjectMappers.create();
            String dialect = storage.dialectName();
            ApiKeyVerifier apiKeys = raw -> memoria.verifyKey(raw).map(k -> Principal.apiKey(k.userId(), k.keyId()));
            Authenticator authenticator = new Authenticator(masterKey, apiKeys);
            RequestLimits limits = RequestLimits.parse(config.rateLimitAuthKeys(), config.authFailuresPerMinute());
            HttpApi api = new HttpApi(memoria, storage.health(), authenticator, limits, mapper, instanceId,
                    config.maxBodyBytes(), () -> RedactedConfig.of(config, dialect), metrics);
            Javalin app = api.create();
            metrics.bindStorage(memoria);
            metrics.bindCluster(memoria);
            app.start(config.port());
            // the same SQL lock on H2: one instance then always wins it, with identical behaviour
            memoria.cluster().start();
            LOG.info("Memoria {} listening on port {} ({} storage, embedder {}) — ready in {} ms", instanceId, app.port(),
                    storage.dialectName(), embedder == null ? "none" : embedder.model(),
                    (System.nanoTime() - started) / 1_000_000);
            return new MemoriaServer(app, storage, embedder, instanceId, memoria, llm, api.routes());
        } catch (RuntimeException e) {
            if (storage != null) {
                storage.close();
            }
            if (llm != null) {
                llm.close();
            }
            if (embedder != null) {
                embedder.close();
            }
            throw e;
        }
    }

    private static ClusterSettings clusterSettings(ServerConfig config, String instanceId) {
        ServerConfig.Governance g = config.governance();
        return new ClusterSettings(instanceId, Duration.ofSeconds(config.lockTtlSeconds()), g.enabled(), List.of(
                new ScheduledTask("hourly", Duration.ofSeconds(g.hourlySecs())),
                new ScheduledTask("daily", Duration.ofSeconds(g.dailySecs())),
                new ScheduledTask("weekly", Duration.ofSeconds(g.weeklySecs()))));
    }

    private static GovernancePolicy governancePolicy(ServerConfig.Governance g) {
        return GovernancePolicy.DEFAULTS.withQuarantineThreshold(g.quarantineThreshold())
                .withSafetySnapshotsToKeep(g.snapshotsToKeep())
                .withGarbageHorizon(Duration.ofDays(g.gcHorizonDays()))
                .withCooldowns(new Cooldowns.Periods(Duration.ofSeconds(g.governanceCooldownSecs()),
                        Duration.ofSeconds(g.consolidateCooldownSecs()), Duration.ofSeconds(g.reflectCooldownSecs())));
    }

    /**
     * The plugin binding and subject this instance resolves; with MEMORIA_GOVERNANCE_PLUGIN_DIR, the package in
     * that directory, loaded without a signature check — loudly, because it bypasses the registry's review.
     */
    private static PluginSettings pluginSettings(ServerConfig.Governance g) {
        PluginPackage dev = null;
        if (!g.pluginDir().isBlank()) {
            dev = PluginDirectory.read(java.nio.file.Path.of(g.pluginDir()));
            LOG.warn("MEMORIA_GOVERNANCE_PLUGIN_DIR={}: governance plugin {}@{} loaded WITHOUT a signature check or "
                    + "review — for development only; it overrides every plugin binding", g.pluginDir(),
                    dev.manifest().key(), dev.manifest().version());
        }
        return new PluginSettings(g.pluginBinding(), g.pluginSubject(), dev, g.pluginDir(), VERSION);
    }

    private static String instanceIdOf(ServerConfig config) {
        return config.instanceId().isBlank() ? "memoria-" + UUID.randomUUID().toString().substring(0, 8)
                : config.instanceId();
    }

    public int port() {
        return app.port();
    }

    public String instanceId() {
        return instanceId;
    }

    public Memoria memoria() {
        return memoria;
    }

    /** Every endpoint this server serves, as registered. */
    public List<RegisteredRoutes.Route> routes() {
        return routes.list();
    }

    /**
     * Stops like a crash would, for tests: no lock release, no heartbeat-row removal, running tasks abandoned;
     * other instances notice only through the expiry of the leases.
     */
    public void halt() {
        LOG.info("Memoria {} halting without releasing its leases", instanceId);
        memoria.cluster().halt();
        app.stop();
        storage.close();
        if (llm != null) {
            llm.close();
        }
        if (embedder != null) {
            embedder.close();
        }
    }

    @Override
    public void close() {
        LOG.info("Memoria {} shutting down", instanceId);
        app.stop();
        // after in-flight requests: hand the leases over at once instead of letting them expire
        memoria.cluster().close();
        memoria.tasks().close();
        memoria.flush();
        storage.close();
        if (llm != null) {
            llm.close();
        }
        if (embedder != null) {
            embedder.close();
        }
    }
}
