package dev.memoria.adapter.sql;

import dev.memoria.ports.error.ConfigurationException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything needed to open the SQL storage. Immutable; build one with {@link #h2} or {@link #server} and
 * adjust with the {@code with…} methods.
 *
 * @param dialect            which database family; {@link DialectChoice#AUTO} detects it
 * @param dataDir            directory of the embedded H2 database (H2 only)
 * @param host               server host (MySQL/MariaDB/MatrixOne)
 * @param port               server port
 * @param user               server user
 * @param password           server password (may be empty)
 * @param database           database (schema) name; created when missing
 * @param poolSize           maximum pooled connections
 * @param connectTimeout     how long a caller waits for a connection before the storage reports failure
 * @param embeddingDimension vector length fixed into the schema on first start
 * @param embeddingModel     embedding model name recorded on first start; null or blank skips the check
 */
public record StorageSettings(
        DialectChoice dialect,
        Path dataDir,
        String host,
        int port,
        String user,
        String password,
        String database,
        int poolSize,
        Duration connectTimeout,
        int embeddingDimension,
        String embeddingModel) {

    /** Database names go into DDL (which cannot bind parameters), so they are restricted to a safe alphabet. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    public static final String DEFAULT_DATABASE = "memoria";

    public StorageSettings {
        Objects.requireNonNull(dialect, "dialect");
        if (poolSize < 1) {
            throw new ConfigurationException("invalid_pool_size", "Storage pool size must be at least 1, got " + poolSize);
        }
        if (embeddingDimension < 1 || embeddingDimension > 65535) {
            throw new ConfigurationException("invalid_embedding_dim",
                    "Embedding dimension must be between 1 and 65535, got " + embeddingDimension);
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        password = password == null ? "" : password;
        database = database == null || database.isBlank() ? DEFAULT_DATABASE : database;
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new ConfigurationException("invalid_database_name",
                    "Database name must match [A-Za-z0-9_]{1,64}, got '" + database + "'");
        }
        if (dialect == DialectChoice.H2 && dataDir == null) {
            throw new ConfigurationException("missing_data_dir", "The h2 dialect needs a data directory (MEMORIA_DATA_DIR)");
        }
        if ((dialect == DialectChoice.MYSQL || dialect == DialectChoice.MATRIXONE) && (host == null || host.isBlank())) {
            throw new ConfigurationException("missing_db_host", "The " + dialect.name().toLowerCase()
                    + " dialect needs a database host");
        }
        if (dialect == DialectChoice.AUTO && dataDir == null && (host == null || host.isBlank())) {
            throw new ConfigurationException("missing_db_location",
                    "Storage needs either a data directory (embedded H2) or a database host");
        }
    }

    /** Embedded H2 database in {@code dataDir}. */
    public static StorageSettings h2(Path dataDir, int embeddingDimension, String embeddingModel) {
        return new StorageSettings(DialectChoice.H2, dataDir, null, 0, null, null, DEFAULT_DATABASE, 8,
                null, embeddingDimension, embeddingModel);
    }

    /** A MySQL-protocol server; {@code dialect} is MYSQL, MATRIXONE or AUTO. */
    public static StorageSettings server(DialectChoice dialect, String host, int port, String user, String password,
                                         String database, int embeddingDimension, String embeddingModel) {
        return new StorageSettings(dialect, null, host, port, user, password, database, 16, null,
                embeddingDimension, embeddingModel);
    }

    /** True when this points at an embedded H2 database rather than a server. */
    public boolean embedded() {
        return dialect == DialectChoice.H2 || (dialect == DialectChoice.AUTO && dataDir != null);
    }

    public StorageSettings withPoolSize(int value) {
        return new StorageSettings(dialect, dataDir, host, port, user, password, database, value, connectTimeout,
                embeddingDimension, embeddingModel);
    }

    public StorageSettings withConnectTimeout(Duration value) {
        return new StorageSettings(dialect, dataDir, host, port, user, password, database, poolSize, value,
                embeddingDimension, embeddingModel);
    }

    public StorageSettings withEmbedding(int dimension, String model) {
        return new StorageSettings(dialect, dataDir, host, port, user, password, database, poolSize, connectTimeout,
                dimension, model);
    }

    @Override
    public String toString() {
        // never print the password
        return "StorageSettings[dialect=" + dialect + ", dataDir=" + dataDir + ", host=" + host + ", port=" + port
                + ", user=" + user + ", database=" + database + ", poolSize=" + poolSize
                + ", embeddingDimension=" + embeddingDimension + ", embeddingModel=" + embeddingModel + "]";
    }
}
