package dev.memoria.adapter.sql;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class H2ConcurrentVersioningTest extends ConcurrentVersioningContract {

    @TempDir
    static Path dataRoot;

    @Override
    StorageSettings settings(String name) {
        return StorageSettings.h2(dataRoot.resolve(name), StorageContract.DIM, StorageContract.MODEL);
    }
}
