package dev.memoria.adapter.sql;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.UUID;

/**
 * A contract suite over one storage opened for the whole class; the H2 and MariaDB subclasses say where it lives.
 * Tests share it and keep apart by using {@link #fresh} keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpenStorageContract {

    SqlStorage storage;

    /** Settings for a storage called {@code name} on the subclass's database. */
    abstract StorageSettings settings(String name);

    /** The name of this suite's storage. */
    abstract String storageName();

    @BeforeAll
    void open() {
        storage = SqlStorage.open(settings(storageName()));
    }

    @AfterAll
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
