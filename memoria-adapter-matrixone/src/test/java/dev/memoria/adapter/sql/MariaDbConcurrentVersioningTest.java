package dev.memoria.adapter.sql;

class MariaDbConcurrentVersioningTest extends ConcurrentVersioningContract {

    @Override
    StorageSettings settings(String name) {
        return SharedMariaDb.settings(name, StorageContract.DIM, StorageContract.MODEL);
    }
}
