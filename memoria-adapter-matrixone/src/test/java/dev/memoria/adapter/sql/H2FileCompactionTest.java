package dev.memoria.adapter.sql;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.ReadPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.memoria.adapter.sql.TestMemories.memory;
import static dev.memoria.adapter.sql.TestMemories.newUser;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded file grows while open (space reuse is off for crash safety) and compaction shrinks it, keeping every row. */
class H2FileCompactionTest {

    @TempDir
    Path dir;

    @Test
    void compactionShrinksTheFileAndKeepsEveryRow() throws Exception {
        String user = newUser();
        BranchRef main = BranchRef.main(user);
        StorageSettings settings = StorageSettings.h2(dir, 4, "test-model");
        try (SqlStorage storage = SqlStorage.open(settings)) {
            for (int i = 0; i < 200; i++) {
                int n = i;
                storage.memoryStore().write(main, w -> {
                    w.insert(memory(user, "note " + n));
                    return null;
                });
            }
        }
        Path file = dir.resolve("memoria.mv.db");
        long grown = Files.size(file);

        H2FileCompaction.compactIfLarger(dir, 0);

        assertThat(Files.size(file)).isLessThan(grown / 2);
        try (SqlStorage storage = SqlStorage.open(settings)) {
            assertThat(storage.memoryStore().countActive(main, ReadPoint.HEAD)).isEqualTo(200);
        }
    }
}
