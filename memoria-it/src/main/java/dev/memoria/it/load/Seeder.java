package dev.memoria.it.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills each user's memory to the requested size through the batch route, 100 memories a request. Seeding
 * is itself a measurement (batch store at the server's embedding speed), so it reports its rate; any failed
 * batch stops it, since the workload numbers would otherwise be taken at the wrong size.
 */
public final class Seeder {

    /** How long seeding took and how many memories it stored. */
    public record SeedReport(long memories, Duration elapsed) {

        public double perSecond() {
            return elapsed.isZero() ? 0 : memories / (elapsed.toNanos() / 1e9);
        }
    }

    private final MemoriaClient client;
    private final long randomSeed;

    public Seeder(MemoriaClient client, long randomSeed) {
        this.client = client;
        this.randomSeed = randomSeed;
    }

    public SeedReport seed(List<String> users, int perUser, int concurrency) {
        List<Batch> batches = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            for (int done = 0, b = 0; done < perUser; done += Operation.BATCH_SIZE, b++) {
                batches.add(new Batch(users.get(u), Math.min(Operation.BATCH_SIZE, perUser - done),
                        randomSeed + 1_000_003L * u + b));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency));
        long start = System.nanoTime();
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (Batch batch : batches) {
                pending.add(pool.submit(() -> store(batch)));
            }
            for (Future<?> future : pending) {
                future.get();
            }
            return new SeedReport((long) users.size() * perUser, Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("seeding failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void store(Batch batch) {
        // Each batch has its own generator seed, so the seeded texts do not depend on thread scheduling.
        String body = Operation.batchBody(new SentenceGenerator(batch.seed()), batch.size());
        HttpResult result = client.post(batch.user(), "/v1/memories/batch", body);
        if (!result.ok()) {
            throw new IllegalStateException("batch for " + batch.user() + " -> " + result.status() + " " + result.body());
        }
    }

    private record Batch(String user, int size, long seed) {
    }
}
