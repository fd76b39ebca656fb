package dev.memoria.adapter.sql;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The storage contract on an embedded H2 file database. */
class H2StorageTest extends StorageContract {

    @TempDir
    static Path dataRoot;

    @Override
    StorageSettings settings(String name, int dimension, String model) {
        return StorageSettings.h2(dataRoot.resolve(name), dimension, model);
    }

    @Override
    String expectedDialect() {
        return "h2";
    }
}
