package dev.memoria.server.mcp;

import dev.memoria.adapter.embedding.Embedder;
import dev.memoria.adapter.embedding.Embedders;
import dev.memoria.adapter.embedding.EmbeddingSettings;
import dev.memoria.adapter.sql.DialectChoice;
import dev.memoria.adapter.sql.SqlStorage;
import dev.memoria.adapter.sql.StorageSettings;
import dev.memoria.core.Memoria;
import dev.memoria.server.config.ServerConfig;

import java.util.Locale;

/**
 * The facade on local storage for {@code mcp} in embedded mode: the same adapters and settings as the server
 * ({@code MEMORIA_*} configuration), without HTTP. Mirrors {@code MemoriaServer}'s wiring, which is private.
 */
final class EmbeddedMemoria implements AutoCloseable {

    /** Same as the server's keyword-only dimension, so both can open the same database. */
    private static final int KEYWORD_ONLY_DIMENSION = 384;

    private final SqlStorage storage;
    private final Embedder embedder;
    private final Memoria memoria;

    private EmbeddedMemoria(SqlStorage storage, Embedder embedder, Memoria memoria) {
        this.storage = storage;
        this.embedder = embedder;
        this.memoria = memoria;
    }

    static EmbeddedMemoria open(ServerConfig config) {
        Embedder embedder = createEmbedder(config.embedding());
        try {
            SqlStorage storage = SqlStorage.open(storageSettings(config, embedder));
            // No API-key secret: stdio acts as one fixed local user and never verifies keys.
            return new EmbeddedMemoria(storage, embedder,
                    Memoria.builder().storage(storage.ports()).embedder(embedder).build());
        } catch (RuntimeException e) {
            if (embedder != null) {
                embedder.close();
            }
            throw e;
        }
    }

    private static Embedder createEmbedder(ServerConfig.Embedding e) {
        if ("none".equals(e.provider().trim().toLowerCase(Locale.ROOT))) {
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

    private static StorageSettings storageSettings(ServerConfig config, Embedder embedder) {
        int dimension = embedder == null ? KEYWORD_ONLY_DIMENSION : embedder.dimension();
        String model = embedder == null ? "none" : embedder.model();
        ServerConfig.Db db = config.db();
        if (db.embedded()) {
            return StorageSettings.h2(config.dataDir(), dimension, model);
        }
        return StorageSettings.server(DialectChoice.parse(db.dialect()), db.host(), db.port(), db.user(),
                db.password(), db.name(), dimension, model).withPoolSize(db.poolSize());
    }

    Memoria memoria() {
        return memoria;
    }

    @Override
    public void close() {
        storage.close();
        if (embedder != null) {
            embedder.close();
        }
    }
}
