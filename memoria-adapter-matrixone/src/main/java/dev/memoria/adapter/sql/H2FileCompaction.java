package dev.memoria.adapter.sql;

import dev.memoria.ports.error.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Shrinks the embedded H2 file when the database is not in use: before the pool opens and after it closes.
 * <p>
 * The embedded URL turns MVStore's space reuse off ({@link ConnectionPools#h2Url}): with reuse on, a process killed
 * mid-write could reopen at an older chunk and lose acknowledged commits; appending every chunk at the end of the
 * file made the crash suite lose nothing. The price is a file that only grows while the database is open (about
 * 25 KB per acknowledged write, docs/RELIABILITY.md). {@code SHUTDOWN COMPACT} rewrites the live data to a new file
 * and replaces the old one atomically, and H2 finishes or discards an interrupted compaction when it next opens, so
 * a crash during it loses nothing either.
 */
final class H2FileCompaction {

    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);

    /** Below this the file is left as it is: compaction would cost more start-up time than it saves. */
    static final long THRESHOLD_BYTES = 32L * 1024 * 1024;

    private H2FileCompaction() {
    }

    static void compactIfLarge(Path dataDir) {
        compactIfLarger(dataDir, THRESHOLD_BYTES);
    }

    /** The file H2 keeps the embedded database in. */
    static Path databaseFile(Path dataDir) {
        return dataDir.toAbsolutePath().resolve("memoria.mv.db");
    }

    static void compactIfLarger(Path dataDir, long thresholdBytes) {
        Path file = databaseFile(dataDir);
        long before = size(file);
        if (before == 0 || before < thresholdBytes) {
            return;
        }
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(ConnectionPools.h2Url(dataDir), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new UnavailableException("storage_unavailable", "Cannot compact the H2 database in " + dataDir
                    + ": " + e.getMessage(), e);
        }
        LOG.info("Compacted the H2 file {}: {} MB -> {} MB in {} ms", file, before >> 20, size(file) >> 20,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
