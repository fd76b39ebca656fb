package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.ScoredId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers at HEAD and at past revisions while another "server" keeps writing, with a cache small enough
 * that entries are evicted under the readers' feet. Each commit adds one memory and replaces another, so
 * revision r has exactly r active memories, all containing the word "alpha": every answer is checkable.
 */
class ConcurrentSearchTest {

    private static final BranchRef MAIN = BranchRef.main("alice");
    private static final int LIMIT = 10_000;

    @Test
    void readersSeeConsistentSnapshotsWhileWritesAndEvictionsHappen() throws Exception {
        FakeIndexSource source = new FakeIndexSource();
        InProcessMemorySearch search = new InProcessMemorySearch(source, 3);
        Random seed = new Random(1);
        source.add(MAIN, row(0, seed));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger checks = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        futures.add(pool.submit(() -> {
            Random random = new Random(2);
            start.await();
            // keep writing until the readers have done enough checks (bounded, so the test always ends)
            for (int i = 1; i < 600 && (i < 100 || checks.get() < 60); i++) {
                int n = i;
                int replaced = random.nextInt(i);
                source.commit(MAIN, c -> c.add(row(n, random)).replace(row(replaced, random)));
                Thread.sleep(2);
            }
            stop.set(true);
            return null;
        }));
        for (int t = 0; t < 5; t++) {
            int readerId = t;
            futures.add(pool.submit(() -> {
                Random random = new Random(100 + readerId);
                start.await();
                int own = 0;
                while (!stop.get() || own < 5) { // at least 5 checks each, however slow the machine
                    own++;
                    long head = source.headRevision(MAIN);
                    ReadPoint at = random.nextBoolean()
                            ? ReadPoint.HEAD
                            : ReadPoint.at(1 + random.nextInt((int) head));
                    float[] query = Rows.randomUnit(random, 8);
                    List<ScoredId> nearest = search.nearest(MAIN, at, query, MemoryFilter.ALL, LIMIT);
                    List<ScoredId> keyword = search.keyword(MAIN, at, "alpha", MemoryFilter.ALL, LIMIT);
                    check(failures, at, head, nearest, keyword);
                    checks.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(failures).isEmpty();
        assertThat(checks.get()).isGreaterThanOrEqualTo(25);
        // still usable and exact after the storm
        long head = source.headRevision(MAIN);
        assertThat(search.nearest(MAIN, ReadPoint.HEAD, Rows.randomUnit(seed, 8), MemoryFilter.ALL, LIMIT))
                .hasSize((int) head);
    }

    private static void check(ConcurrentLinkedQueue<String> failures, ReadPoint at, long headBefore,
                              List<ScoredId> nearest, List<ScoredId> keyword) {
        if (nearest.stream().map(ScoredId::memoryId).distinct().count() != nearest.size()) {
            failures.add("duplicate ids at " + at);
        }
        if (!at.isHead()) {
            if (nearest.size() != at.revision() || keyword.size() != at.revision()) {
                failures.add("revision " + at.revision() + " returned " + nearest.size() + "/" + keyword.size());
            }
        } else if (nearest.size() < headBefore || keyword.size() < headBefore) {
            failures.add("head older than " + headBefore + ": " + nearest.size() + "/" + keyword.size());
        }
        for (int i = 1; i < nearest.size(); i++) {
            if (nearest.get(i).score() > nearest.get(i - 1).score()) {
                failures.add("not sorted at " + at);
                break;
            }
        }
    }

    private static IndexRow row(int n, Random random) {
        return Rows.full("m" + n, "alpha memory number " + n + " version " + random.nextInt(1000),
                Rows.randomUnit(random, 8));
    }
}
