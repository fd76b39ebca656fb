package dev.memoria.server;

import dev.memoria.adapter.embedding.Embedder;
import dev.memoria.adapter.embedding.Embedders;
import dev.memoria.adapter.embedding.EmbeddingSettings;
import dev.memoria.adapter.embedding.local.LocalModel;
import dev.memoria.adapter.sql.DialectChoice;
import dev.memoria.adapter.sql.RecordedEmbedding;
import dev.memoria.adapter.sql.StorageSettings;
import dev.memoria.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;

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
        Embedder embedder = Embedders.create(EmbeddingSettings.of(e.provider(), localModel(config), e.apiKey(),
                e.baseUrl(), e.endpoints(), e.dim()));
        try {
            embedder.warmUp();
            return embedder;
        } catch (RuntimeException failure) {
            embedder.close();
            throw failure;
        }
    }

    /**
     * The model to load. A configured model wins. Without one, an existing database keeps the local model it was
     * created with — so a database made before the default changed still starts — and a new database gets the
     * default. A recorded model this build does not have locally (an OpenAI one, "none") is left to the schema
     * check, which names the mismatch and the remedy.
     */
    static String localModel(ServerConfig config) {
        ServerConfig.Embedding e = config.embedding();
        if (!e.model().isBlank() || !EmbeddingSettings.LOCAL.equals(e.provider().strip().toLowerCase(Locale.ROOT))) {
            return e.model();
        }
        Optional<String> recorded = RecordedEmbedding.model(storage(config, KEYWORD_ONLY_DIMENSION, null))
                .filter(LocalModel::isKnown);
        recorded.ifPresent(model -> LOG.info("No MEMORIA_EMBEDDING_MODEL set: using {}, the model the database "
                + "was created with", model));
        return recorded.orElse(EmbeddingSettings.DEFAULT_MODEL);
    }

    /** Storage settings: the embedded H2 database when no host is set, else the configured server. */
    public static StorageSettings storage(ServerConfig config, Embedder embedder) {
        return storage(config, embedder == null ? KEYWORD_ONLY_DIMENSION : embedder.dimension(),
                embedder == null ? "none" : embedder.model());
    }

    private static StorageSettings storage(ServerConfig config, int dimension, String model) {
        ServerConfig.Db db = config.db();
        if (db.embedded()) {
            return StorageSettings.h2(config.dataDir(), dimension, model);
        }
        return StorageSettings.server(DialectChoice.parse(db.dialect()), db.host(), db.port(), db.user(),
                db.password(), db.name(), dimension, model).withPoolSize(db.poolSize());
    }
}
