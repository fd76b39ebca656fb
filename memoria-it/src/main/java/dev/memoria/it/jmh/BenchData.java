package dev.memoria.it.jmh;

import dev.memoria.adapter.sql.SqlStorage;
import dev.memoria.adapter.sql.StorageSettings;
import dev.memoria.core.Memoria;
import dev.memoria.it.load.SentenceGenerator;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.out.EmbeddingPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An embedded H2 database in a temporary directory holding {@code size} memories of one user, written through
 * the public facade (so rows, revisions and vectors are exactly what the server writes), and the facade over it.
 */
final class BenchData implements AutoCloseable {

    static final String USER = "bench-user";
    private static final int BATCH = 100;

    final Path dir;
    final SqlStorage storage;
    final Memoria memoria;

    private BenchData(Path dir, SqlStorage storage, Memoria memoria) {
        this.dir = dir;
        this.storage = storage;
        this.memoria = memoria;
    }

    /**
     * Seeds {@code size} memories. {@code embedder} null gives keyword-only memories (and a keyword-only facade);
     * seeding always uses vectors when an embedder is given, so the vector path has data to score.
     */
    static BenchData seeded(int size, EmbeddingPort embedder) {
        try {
            Path dir = Files.createTempDirectory("memoria-jmh-");
            SqlStorage storage = SqlStorage.open(StorageSettings.h2(dir, RandomEmbedder.DIMENSION, RandomEmbedder.MODEL));
            Memoria memoria = facade(storage, embedder);
            SentenceGenerator text = new SentenceGenerator(42);
            Caller caller = Caller.of(USER);
            for (int done = 0; done < size; done += BATCH) {
                List<StoreCommand> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < Math.min(BATCH, size - done); i++) {
                    batch.add(StoreCommand.of(caller, text.memory()));
                }
                memoria.storeBatch(caller, batch);
            }
            return new BenchData(dir, storage, memoria);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reopens the database of {@code dir} (for cold-start measurements). */
    static SqlStorage reopen(Path dir) {
        return SqlStorage.open(StorageSettings.h2(dir, RandomEmbedder.DIMENSION, RandomEmbedder.MODEL));
    }

    static Memoria facade(SqlStorage storage, EmbeddingPort embedder) {
        Memoria.Builder builder = Memoria.builder().storage(storage.ports());
        if (embedder != null) {
            builder.embedder(embedder);
        }
        return builder.build();
    }

    /** Closes the database but keeps the files, for {@link #reopen}. */
    void closeStorage() {
        storage.close();
    }

    @Override
    public void close() {
        storage.close();
        delete(dir);
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
