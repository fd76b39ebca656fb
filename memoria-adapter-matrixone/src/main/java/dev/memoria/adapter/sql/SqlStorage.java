package dev.memoria.adapter.sql;

import com.zaxxer.hikari.HikariDataSource;
import dev.memoria.adapter.sql.index.InProcessMemorySearch;
import dev.memoria.ports.out.AccessLog;
import dev.memoria.ports.out.ApiKeyStore;
import dev.memoria.ports.out.CoordinationPorts;
import dev.memoria.ports.out.OperationsPorts;
import dev.memoria.ports.out.PluginRegistryStore;
import dev.memoria.ports.out.FeedbackStore;
import dev.memoria.ports.out.StoragePorts;
import dev.memoria.ports.out.UserDataStore;
import dev.memoria.ports.out.MemorySearch;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.RetrievalParamsStore;
import dev.memoria.ports.out.StorageHealth;
import dev.memoria.ports.out.VersionStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.NoTemplateEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The SQL storage: opens the pool, installs or verifies the schema and hands out the port implementations.
 * One instance per process; close it on shutdown.
 */
public final class SqlStorage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqlStorage.class);

    /** Branches whose in-process search index stays cached. */
    private static final int CACHED_BRANCHES = 64;

    private final HikariDataSource dataSource;
    /** The embedded database's directory, compacted after close; null for a database server. */
    private final Path h2DataDir;
    private final SqlDialect dialect;
    private final MemoryStore memoryStore;
    private final VersionStore versionStore;
    private final FeedbackStore feedbackStore;
    private final RetrievalParamsStore retrievalParamsStore;
    private final StorageHealth health;
    private final SqlIndexSource indexSource;
    private final MemorySearch memorySearch;
    private final SchemaInstaller schema;
    private final ApiKeyStore apiKeyStore;
    private final UserDataStore userDataStore;
    private final AccessLog accessLog;
    private final CoordinationPorts coordination;
    private final PluginRegistryStore pluginRegistry;
    private final OperationsPorts operations;

    private SqlStorage(HikariDataSource dataSource, SqlDialect dialect, Clock clock, int dimension, Path h2DataDir) {
        this.dataSource = dataSource;
        this.h2DataDir = h2DataDir;
        this.dialect = dialect;
        Jdbi jdbi = Jdbi.create(dataSource);
        // SQL here is never a template: <, > and the like must reach the database untouched
        jdbi.setTemplateEngine(new NoTemplateEngine());
        Database db = new Database(jdbi, dialect, clock, dimension);
        BranchRows branches = new BranchRows(db);
        this.memoryStore = new SqlMemoryStore(db, branches);
        this.versionStore = new SqlVersionStore(db, branches);
        this.feedbackStore = new SqlFeedbackStore(db);
        this.retrievalParamsStore = new SqlRetrievalParamsStore(db);
        this.health = new SqlStorageHealth(jdbi);
        // MatrixOne searches in SQL (vecf32 + FULLTEXT); H2 and MySQL use the in-process index
        this.indexSource = new SqlIndexSource(db);
        this.memorySearch = dialect instanceof MatrixOneDialect mo ? new MatrixOneMemorySearch(db, mo) : new InProcessMemorySearch(indexSource, CACHED_BRANCHES);
        this.schema = new SchemaInstaller(db);
        this.apiKeyStore = new SqlApiKeyStore(db);
        this.userDataStore = new SqlUserDataStore(db);
        this.accessLog = new SqlAccessLog(db);
        this.pluginRegistry = new SqlPluginRegistryStore(db);
        this.operations = new OperationsPorts(new SqlHealthStatistics(db), new SqlUsageLog(db), new SqlAuditLog(db));
        this.coordination = new CoordinationPorts(new SqlDistributedLock(db), new SqlTaskStore(db),
                new SqlInstanceRegistry(db), new SqlCooldownStore(db), new SqlGovernanceLog(db), new SqlEntityStore(db));
    }

    /** Opens the storage with the system UTC clock. */
    public static SqlStorage open(StorageSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    /**
     * Opens the storage: resolves the dialect, creates the database if missing (servers), opens the pool and
     * installs or verifies the schema.
     *
     * @throws dev.memoria.ports.error.ConfigurationException when the database was created for another embedding
     *                                                        dimension or model
     * @throws dev.memoria.ports.error.UnavailableException   when the database cannot be reached
     */
    public static SqlStorage open(StorageSettings settings, Clock clock) {
        SqlDialect dialect = settings.embedded() ? new H2Dialect() : ConnectionPools.prepareServer(settings);
        if (settings.embedded()) {
            H2FileCompaction.compactIfLarge(settings.dataDir());
        }
        HikariDataSource dataSource = ConnectionPools.open(settings, dialect);
        try {
            SqlStorage storage = new SqlStorage(dataSource, dialect, clock, settings.embeddingDimension(),
                    settings.embedded() ? settings.dataDir() : null);
            storage.schema.install(settings.embeddingModel());
            LOG.info("Storage ready: {} ({})", dialect.name(), settings);
            return storage;
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Short name of the dialect in use: h2, mysql or matrixone. */
    public String dialectName() {
        return dialect.name();
    }

    public MemoryStore memoryStore() {
        return memoryStore;
    }

    public VersionStore versionStore() {
        return versionStore;
    }

    public FeedbackStore feedbackStore() {
        return feedbackStore;
    }

    public RetrievalParamsStore retrievalParamsStore() {
        return retrievalParamsStore;
    }

    public StorageHealth health() {
        return health;
    }

    public MemorySearch memorySearch() {
        return memorySearch;
    }

    public ApiKeyStore apiKeyStore() {
        return apiKeyStore;
    }

    public UserDataStore userDataStore() {
        return userDataStore;
    }

    /** Every port this storage provides, ready for {@code Memoria.builder().storage(...)}. */
    public StoragePorts ports() {
        return new StoragePorts(memoryStore, memorySearch, versionStore, feedbackStore, retrievalParamsStore, health,
                apiKeyStore, userDataStore, accessLog);
    }

    /** The governance plugin registry, for {@code Memoria.builder().pluginRegistry(...)}. */
    public PluginRegistryStore pluginRegistry() {
        return pluginRegistry;
    }

    /** Health statistics, usage log and audit trail, for {@code Memoria.builder().operations(...)}. */
    public OperationsPorts operations() {
        return operations;
    }

    /** Locks, async tasks, heartbeats and governance state, for {@code Memoria.builder().coordination(...)}. */
    public CoordinationPorts coordination() {
        return coordination;
    }

    /** The feed of the search index, exposed to this package's tests. */
    SqlIndexSource indexSource() {
        return indexSource;
    }

    @Override
    public void close() {
        dataSource.close();
        if (h2DataDir != null) {
            try {
                H2FileCompaction.compactIfLarge(h2DataDir);
            } catch (RuntimeException e) {
                // the data is safe either way; the next start compacts again
                LOG.warn("H2 compaction on close failed: {}", e.getMessage());
            }
        }
    }
}
