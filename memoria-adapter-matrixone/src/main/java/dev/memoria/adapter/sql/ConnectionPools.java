package dev.memoria.adapter.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.memoria.ports.error.ConfigurationException;
import dev.memoria.ports.error.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/** JDBC URLs, database creation, dialect detection and the HikariCP pool for {@link StorageSettings}. */
final class ConnectionPools {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPools.class);

    /** Connector/J settings shared by MySQL, MariaDB and MatrixOne. */
    private static final String SERVER_OPTIONS = "connectionTimeZone=UTC&characterEncoding=UTF-8"
            // client-side prepared statements (the default) plus a statement cache: one round trip per query
            + "&useServerPrepStmts=false&cachePrepStmts=true&prepStmtCacheSize=256&prepStmtCacheSqlLimit=4096"
            + "&rewriteBatchedStatements=true&allowPublicKeyRetrieval=true&tcpKeepAlive=true";

    /**
     * MatrixOne rejects SET TRANSACTION READ ONLY and gains nothing from re-sending the isolation level; the rest
     * follows MatrixOne's own Connector/J test runner (mo-tester). Never add useCursorFetch (MatrixOne rejects its
     * prepare flag) or useServerPrepStmts=true: MatrixOneMemorySearch relies on client-side prepared statements,
     * which send MATCH patterns and LIMITs to the server as constants.
     */
    private static final String MATRIXONE_OPTIONS = "&useLocalSessionState=true&alwaysSendSetIsolation=false"
            + "&readOnlyPropagatesToServer=false&zeroDateTimeBehavior=CONVERT_TO_NULL";

    private ConnectionPools() {
    }

    /**
     * The embedded H2 URL. Native mode; {@code DB_CLOSE_ON_EXIT=FALSE} because the pool (closed by
     * {@link SqlStorage#close}) owns the database's life, not H2's own shutdown hook, which could close it under
     * requests still finishing during a graceful shutdown. {@code LOCK_TIMEOUT} lets writers queue on a branch row
     * for up to 10 s instead of H2's default 1 s. {@code WRITE_DELAY=0} and {@code REUSE_SPACE=FALSE} are for crash
     * safety: with space reuse on, the crash suite saw about one kill in eight reopen the file at an older chunk,
     * losing writes acknowledged milliseconds before; with every chunk appended it lost none in 40 rounds (see
     * {@link H2FileCompaction} for what bounds the file's growth, and docs/RELIABILITY.md).
     */
    static String h2Url(Path dataDir) {
        String path = dataDir.toAbsolutePath().resolve("memoria").toString();
        if (path.contains(";")) {
            throw new ConfigurationException("invalid_data_dir", "The data directory path must not contain ';': " + dataDir);
        }
        return "jdbc:h2:file:" + path + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;REUSE_SPACE=FALSE";
    }

    static String serverUrl(StorageSettings settings, SqlDialect dialect, boolean withDatabase) {
        int port = settings.port() > 0 ? settings.port() : (dialect instanceof MatrixOneDialect ? 6001 : 3306);
        String options = SERVER_OPTIONS + "&connectTimeout=" + settings.connectTimeout().toMillis()
                + (dialect instanceof MatrixOneDialect ? MATRIXONE_OPTIONS : "&forceConnectionTimeZoneToSession=true");
        return "jdbc:mysql://" + settings.host() + ":" + port + "/" + (withDatabase ? settings.database() : "")
                + "?" + options;
    }

    /**
     * For a server: connects without a database, detects MatrixOne from {@code SELECT VERSION()} when the dialect
     * is AUTO, and creates the database when missing. The name was validated by {@link StorageSettings}, which is
     * what makes putting it into DDL safe.
     */
    static SqlDialect prepareServer(StorageSettings settings) {
        SqlDialect provisional = settings.dialect() == DialectChoice.MATRIXONE ? new MatrixOneDialect() : new MySqlDialect();
        Properties credentials = new Properties();
        credentials.setProperty("user", settings.user() == null ? "root" : settings.user());
        credentials.setProperty("password", settings.password());
        try (Connection connection = DriverManager.getConnection(serverUrl(settings, provisional, false), credentials);
             Statement statement = connection.createStatement()) {
            SqlDialect dialect = provisional;
            if (settings.dialect() == DialectChoice.AUTO) {
                try (ResultSet rs = statement.executeQuery("SELECT VERSION()")) {
                    rs.next();
                    String version = rs.getString(1);
                    dialect = version != null && version.toLowerCase(Locale.ROOT).contains("matrixone")
                            ? new MatrixOneDialect() : new MySqlDialect();
                    LOG.info("Detected database server {} -> {} dialect", version, dialect.name());
                }
            }
            String create = "CREATE DATABASE IF NOT EXISTS `" + settings.database() + "`"
                    + (dialect instanceof MatrixOneDialect ? "" : " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            statement.execute(create);
            return dialect;
        } catch (SQLException e) {
            throw new UnavailableException("storage_unavailable", "Cannot connect to the database server at "
                    + settings.host() + ":" + settings.port() + " as '" + credentials.getProperty("user") + "' ("
                    + e.getMessage() + ")", e);
        }
    }

    static HikariDataSource open(StorageSettings settings, SqlDialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("memoria-" + dialect.name());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        config.setAutoCommit(true);
        if (dialect instanceof H2Dialect) {
            try {
                Files.createDirectories(settings.dataDir());
            } catch (IOException e) {
                throw new ConfigurationException("invalid_data_dir", "Cannot create the data directory "
                        + settings.dataDir() + ": " + e.getMessage(), e);
            }
            config.setJdbcUrl(h2Url(settings.dataDir()));
            config.setUsername("sa");
            config.setPassword("");
        } else {
            config.setJdbcUrl(serverUrl(settings, dialect, true));
            config.setUsername(settings.user() == null ? "root" : settings.user());
            config.setPassword(settings.password());
        }
        if (dialect.supportsIsolationLevel()) {
            // READ COMMITTED: writers serialise on the branch row lock; later reads in the transaction must see
            // what the previous writer committed, and InnoDB takes fewer gap locks than under REPEATABLE READ
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new UnavailableException("storage_unavailable", "Cannot open the " + dialect.name()
                    + " database: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
