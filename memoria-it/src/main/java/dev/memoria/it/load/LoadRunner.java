package dev.memoria.it.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a workload in a closed loop: {@code concurrency} workers each issue one request, wait for the answer and
 * issue the next, until the duration is over. A closed loop measures what an agent waiting on its memory feels;
 * throughput is what the server sustains at that concurrency.
 */
public final class LoadRunner {

    private static final int MAX_ERROR_SAMPLES = 5;

    private final MemoriaClient client;
    private final List<String> users;
    private final long randomSeed;
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

    public LoadRunner(MemoriaClient client, List<String> users, long randomSeed) {
        this.client = client;
        this.users = List.copyOf(users);
        this.randomSeed = randomSeed;
    }

    /** Runs {@code warmup} first (results discarded: JIT and caches settle), then the measured run. */
    public LoadReport run(Workload workload, int concurrency, Duration warmup, Duration duration) {
        if (!warmup.isZero()) {
            measure(workload, concurrency, warmup, randomSeed ^ 0x5DEECE66DL);
        }
        return measure(workload, concurrency, duration, randomSeed);
    }

    /** Up to a few failure descriptions, so a run with errors says why. */
    public List<String> errorSamples() {
        return List.copyOf(errorSamples);
    }

    private LoadReport measure(Workload workload, int concurrency, Duration duration, long seed) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try {
            List<Future<Map<Operation, OperationStats>>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                long workerSeed = seed + 7919L * i;
                workers.add(pool.submit(() -> work(workload, deadline, workerSeed)));
            }
            Map<Operation, OperationStats> merged = new EnumMap<>(Operation.class);
            for (Future<Map<Operation, OperationStats>> worker : workers) {
                worker.get().forEach((op, stats) -> merged.computeIfAbsent(op, o -> new OperationStats()).add(stats));
            }
            return new LoadReport(workload, concurrency, Duration.ofNanos(System.nanoTime() - start), merged);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load worker failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<Operation, OperationStats> work(Workload workload, long deadline, long seed) {
        Random random = new Random(seed);
        SentenceGenerator text = new SentenceGenerator(seed);
        Map<Operation, OperationStats> stats = new EnumMap<>(Operation.class);
        while (System.nanoTime() < deadline) {
            Operation operation = workload.next(random);
            String user = users.get(random.nextInt(users.size()));
            OperationStats s = stats.computeIfAbsent(operation, o -> new OperationStats());
            try {
                HttpResult result = operation.call(client, user, text);
                if (result.ok()) {
                    s.success(result.nanos(), operation.items());
                } else {
                    s.error();
                    sample(operation.label() + " -> " + result.status() + " " + abbreviate(result.body()));
                }
            } catch (RuntimeException e) {
                s.error();
                sample(operation.label() + " -> " + e);
            }
        }
        return stats;
    }

    private void sample(String error) {
        if (errorSamples.size() < MAX_ERROR_SAMPLES) {
            errorSamples.add(error);
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
