package dev.memoria.adapter.sql;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The operations contract on an embedded H2 file database. */
class H2OperationsTest extends OperationsContract {

    @TempDir
    static Path dataRoot;

    @Override
    StorageSettings settings(String name) {
        return StorageSettings.h2(dataRoot.resolve(name), 8, "test-model");
    }
}
