package dev.memoria.server;

import dev.memoria.adapter.embedding.Embedder;
import dev.memoria.adapter.embedding.Embedders;
import dev.memoria.adapter.embedding.EmbeddingSettings;
import dev.memoria.adapter.sql.DialectChoice;
import dev.memoria.adapter.sql.StorageSettings;
import dev.memoria.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Turns configuration into adapter settings, the same way for the HTTP server and the embedded stdio MCP
 * server, so both can open the same database.
 */
public final class LocalAdapters {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAdapters.class);
    /** Dimension recorded in the schema when running without an embedder (keyword-only mode). */
    static final int KEYWORD_ONLY_DIMENSION = 384;

    private LocalAdapters() {
    }

    /** The configured embedder, loaded and warmed up; null for {@code MEMORIA_EMBEDDING_PROVIDER=none}. */
    public static Embedder embedder(ServerConfig config) {
        ServerConfig.Embedding e = config.embedding();
        if ("none".equals(e.provider().trim().toLowerCase(Locale.ROOT))) {
            LOG.warn("MEMORIA_EMBEDDING_PROVIDER=none: keyword retrieval only, no write-time dedup");
            return null;
        }
        Embedder embedder = Embedders.create(EmbeddingSettings.of(e.provider(), e.model(), e.apiKey(), e.baseUrl(),
                e.endpoints(), e.dim()));
        try {
            embedder.warmUp();
            return embedder;
        } catch (RuntimeException failure) {
            embedder.close();
            throw failure;
        }
    }

    /** Storage settings: the embedded H2 database when no host is set, else the configured server. */
    public static StorageSettings storage(ServerConfig config, Embedder embedder) {
        int dimension = embedder == null ? KEYWORD_ONLY_DIMENSION : embedder.dimension();
        String model = embedder == null ? "none" : embedder.model();
        ServerConfig.Db db = config.db();
        if (db.embedded()) {
            return StorageSettings.h2(config.dataDir(), dimension, model);
        }
        return StorageSettings.server(DialectChoice.parse(db.dialect()), db.host(), db.port(), db.user(),
                db.password(), db.name(), dimension, model).withPoolSize(db.poolSize());
    }
}
