package dev.memoria.server.mcp;

import dev.memoria.adapter.embedding.Embedder;
import dev.memoria.adapter.sql.SqlStorage;
import dev.memoria.core.Memoria;
import dev.memoria.server.LocalAdapters;
import dev.memoria.server.config.ServerConfig;


/**
 * The facade on local storage for {@code mcp} in embedded mode: the same adapters and settings as the server
 * ({@code MEMORIA_*} configuration, through {@link LocalAdapters}), without HTTP.
 */
final class EmbeddedMemoria implements AutoCloseable {

    private final SqlStorage storage;
    private final Embedder embedder;
    private final Memoria memoria;

    private EmbeddedMemoria(SqlStorage storage, Embedder embedder, Memoria memoria) {
        this.storage = storage;
        this.embedder = embedder;
        this.memoria = memoria;
    }

    static EmbeddedMemoria open(ServerConfig config) {
        Embedder embedder = LocalAdapters.embedder(config);
        try {
            SqlStorage storage = SqlStorage.open(LocalAdapters.storage(config, embedder));
            // No API-key secret: stdio acts as one fixed local user and never verifies keys. Coordination ports
            // give the governance tools their cooldowns and audit log; no cluster node is started here.
            return new EmbeddedMemoria(storage, embedder, Memoria.builder().storage(storage.ports())
                    .embedder(embedder).coordination(storage.coordination())
                    .retrievalSettings(config.retrieval().settings()).build());
        } catch (RuntimeException e) {
            if (embedder != null) {
                embedder.close();
            }
            throw e;
        }
    }

    Memoria memoria() {
        return memoria;
    }

    @Override
    public void close() {
        memoria.flush();
        storage.close();
        if (embedder != null) {
            embedder.close();
        }
    }
}
