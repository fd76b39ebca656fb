package dev.memoria.server.embedded;

import dev.memoria.adapter.embedding.Embedder;
import dev.memoria.adapter.sql.SqlStorage;
import dev.memoria.core.Memoria;
import dev.memoria.server.LocalAdapters;
import dev.memoria.server.config.ServerConfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * Memoria inside another JVM application, without HTTP: owns the storage, the embedding model and the search
 * index, and closes them in the right order (pending writes flushed, then storage, then the model).
 *
 * <pre>{@code
 * try (EmbeddedMemoria memoria = EmbeddedMemoria.open(Path.of("memoria-data"))) {
 *     UserMemoria alice = memoria.forUser("alice");
 *     alice.store("prefers dark mode");
 *     alice.retrieve("which theme does she like?", 3);
 * }
 * }</pre>
 *
 * The embedding dimension and model name recorded in the database come from the embedder; a database created
 * for another model is refused at open with a message saying which.
 */
public final class EmbeddedMemoria implements AutoCloseable {

    private final SqlStorage storage;
    private final Embedder embedder;
    private final Memoria memoria;

    private EmbeddedMemoria(SqlStorage storage, Embedder embedder, Memoria memoria) {
        this.storage = storage;
        this.embedder = embedder;
        this.memoria = memoria;
    }

    /**
     * An embedded H2 database in {@code dataDir} (created if missing) with the local embedding model, whatever
     * {@code MEMORIA_DB_*} says; the other settings are the server's defaults and {@code MEMORIA_*} overrides.
     */
    public static EmbeddedMemoria open(Path dataDir) {
        return open(ServerConfig.load(Map.of("memoria.data-dir", dataDir.toAbsolutePath().toString(),
                "memoria.db.host", "")));
    }

    /** The adapters a server with {@code config} would use (a MySQL/MariaDB or MatrixOne host when it names one). */
    public static EmbeddedMemoria open(ServerConfig config) {
        Embedder embedder = LocalAdapters.embedder(config);
        try {
            SqlStorage storage = SqlStorage.open(LocalAdapters.storage(config, embedder));
            // No API-key secret: embedded use acts for users the application names and never verifies keys.
            // Coordination ports give the governance operations their cooldowns and audit log; no cluster node
            // is started here.
            return new EmbeddedMemoria(storage, embedder, Memoria.builder().storage(storage.ports())
                    .embedder(embedder).coordination(storage.coordination())
                    .operations(storage.operations())
                    .retrievalSettings(config.retrieval().settings()).build());
        } catch (RuntimeException e) {
            if (embedder != null) {
                embedder.close();
            }
            throw e;
        }
    }

    /** Every operation, for any user. */
    public Memoria memoria() {
        return memoria;
    }

    /** The common operations of one user, with short signatures. */
    public UserMemoria forUser(String userId) {
        return new UserMemoria(memoria, userId);
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
