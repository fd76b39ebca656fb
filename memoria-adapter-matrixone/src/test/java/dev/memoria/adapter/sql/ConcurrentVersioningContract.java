package dev.memoria.adapter.sql;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.Snapshot;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.VersionStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.memoria.adapter.sql.TestMemories.memory;
import static dev.memoria.adapter.sql.TestMemories.newUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers keep writing while snapshots are taken, branches are cut from them and the branch is rolled back:
 * no write is lost, every branch equals exactly the state of its snapshot, and a rollback is all or nothing.
 */
abstract class ConcurrentVersioningContract extends OpenStorageContract {

    @Override
    String storageName() {
        return "concurrency";
    }

    private Set<String> activeIds(MemoryStore memories, BranchRef branch, ReadPoint at) {
        Set<String> ids = new HashSet<>();
        memories.forEachActive(branch, at, MemoryFilter.ALL, m -> ids.add(m.memoryId()));
        return ids;
    }

    @Test
    void writersLoseNothingWhileBranchesAreCutAndRollbacksRun() throws Exception {
        MemoryStore memories = storage.memoryStore();
        VersionStore versions = storage.versionStore();
        String user = newUser();
        BranchRef main = BranchRef.main(user);
        int writers = 3;
        int writesEach = 25;
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < writesEach; i++) {
                    Memory m = memory(user, "writer " + writer + " note " + i);
                    memories.write(main, tx -> {
                        tx.insert(m);
                        return null;
                    });
                    written.add(m.memoryId());
                }
                return null;
            }));
        }
        futures.add(pool.submit(() -> {
            start.await();
            int round = 0;
            while (writing.get() && round < 10) {
                Snapshot snapshot = versions.createSnapshot(user, "s" + round, main, null, false);
                BranchRef branch = new BranchRef(user, "b" + round);
                versions.createBranch(branch, main, snapshot.revision());
                Set<String> atSnapshot = activeIds(memories, main, snapshot.readPoint());
                Set<String> onBranch = activeIds(memories, branch, ReadPoint.HEAD);
                if (!atSnapshot.equals(onBranch)) {
                    failures.add("branch b" + round + " differs from its snapshot");
                }
                round++;
            }
            return null;
        }));
        start.countDown();
        for (Future<?> future : futures.subList(0, writers)) {
            future.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        futures.get(writers).get(120, TimeUnit.SECONDS);

        assertThat(failures).isEmpty();
        assertThat(activeIds(memories, main, ReadPoint.HEAD)).containsExactlyInAnyOrderElementsOf(written);

        // a rollback while writers run: the result is exactly the snapshot plus whole later writes, never a part
        Snapshot before = versions.createSnapshot(user, "before-rollback", main, null, false);
        Set<String> expected = activeIds(memories, main, before.readPoint());
        ConcurrentLinkedQueue<String> late = new ConcurrentLinkedQueue<>();
        CountDownLatch someLateWrites = new CountDownLatch(3);
        Future<?> lateWriter = pool.submit(() -> {
            for (int i = 0; i < 20; i++) {
                Memory m = memory(user, "late note " + i);
                long revision = memories.write(main, tx -> {
                    tx.insert(m);
                    return tx.revision();
                });
                late.add(m.memoryId() + "@" + revision);
                someLateWrites.countDown();
            }
            return null;
        });
        someLateWrites.await(60, TimeUnit.SECONDS);
        long rollbackRevision = versions.rollback(main, before.revision());
        lateWriter.get(120, TimeUnit.SECONDS);
        pool.shutdown();

        Set<String> after = activeIds(memories, main, ReadPoint.at(rollbackRevision));
        Set<String> writtenBeforeRollback = new HashSet<>();
        Set<String> writtenAfterRollback = new HashSet<>();
        for (String entry : late) {
            String[] parts = entry.split("@");
            (Long.parseLong(parts[1]) < rollbackRevision ? writtenBeforeRollback : writtenAfterRollback).add(parts[0]);
        }
        assertThat(after).isEqualTo(expected);
        Set<String> head = activeIds(memories, main, ReadPoint.HEAD);
        assertThat(writtenBeforeRollback).isNotEmpty();
        assertThat(head).containsAll(expected).containsAll(writtenAfterRollback);
        assertThat(head).noneMatch(writtenBeforeRollback::contains);
        // nothing is lost: what the rollback ended is still there at the revision before it
        assertThat(activeIds(memories, main, ReadPoint.at(rollbackRevision - 1))).containsAll(writtenBeforeRollback);
    }

    private static List<String> inParallel(int threads, java.util.function.IntFunction<String> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    return attempt.apply(index);
                } catch (dev.memoria.ports.error.MemoriaException e) {
                    return e.code();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> future : futures) {
            outcomes.add(future.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return outcomes;
    }

    @Test
    void parallelBranchCreatesNeverExceedTheQuota() throws Exception {
        VersionStore versions = storage.versionStore();
        String user = newUser();
        BranchRef main = BranchRef.main(user);
        storage.memoryStore().write(main, tx -> {
            tx.insert(memory(user, "something to branch"));
            return null;
        });
        List<String> outcomes = inParallel(8, i -> {
            versions.createBranch(new BranchRef(user, "parallel" + i), main, versions.headRevision(main), 3);
            return "created";
        });
        assertThat(outcomes).filteredOn("created"::equals).hasSize(3);
        assertThat(outcomes).filteredOn("branch_quota"::equals).hasSize(5);
        assertThat(versions.listBranches(user)).hasSize(4);
    }

    @Test
    void parallelSnapshotsNeverExceedTheQuotaButSafetySnapshotsAreNotCounted() throws Exception {
        VersionStore versions = storage.versionStore();
        String user = newUser();
        BranchRef main = BranchRef.main(user);
        List<String> outcomes = inParallel(8, i -> {
            versions.createSnapshot(user, "parallel" + i, main, null, false, 2);
            return "created";
        });
        assertThat(outcomes).filteredOn("created"::equals).hasSize(2);
        assertThat(outcomes).filteredOn("snapshot_quota"::equals).hasSize(6);
        versions.createSnapshot(user, "pre_safety", main, null, true, 2);
        assertThat(versions.listSnapshots(user)).hasSize(3);
    }

    @Test
    void safetySnapshotsArePrunedToTheNewest() {
        VersionStore versions = storage.versionStore();
        String user = newUser();
        BranchRef main = BranchRef.main(user);
        versions.createSnapshot(user, "kept-by-user", main, null, false);
        for (int i = 0; i < 5; i++) {
            versions.createSnapshot(user, "pre_op_" + i, main, null, true);
        }
        assertThat(versions.pruneSafetySnapshots(user, 2)).isEqualTo(3);
        assertThat(versions.listSnapshots(user)).extracting(Snapshot::name)
                .containsExactlyInAnyOrder("kept-by-user", "pre_op_4", "pre_op_3");
    }

    /**
     * Rollbacks race with writers. Every acknowledged write must be either in the final state or in the safety
     * snapshot of a rollback that ended it: the rollback records that snapshot in its own transaction.
     */
    @Test
    void everyWriteEndedByARacingRollbackIsInThatRollbacksSafetySnapshot() throws Exception {
        MemoryStore memories = storage.memoryStore();
        VersionStore versions = storage.versionStore();
        String user = newUser();
        BranchRef main = BranchRef.main(user);
        Snapshot base = versions.createSnapshot(user, "base", main, null, false);
        ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; writing.get() && i < 200; i++) {
                    Memory m = memory(user, "racing writer " + writer + " note " + i);
                    memories.write(main, tx -> {
                        tx.insert(m);
                        return null;
                    });
                    written.add(m.memoryId());
                }
                return null;
            }));
        }
        List<String> safetyNames = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            Thread.sleep(20);
            String safety = "pre_rollback_race" + r;
            versions.rollback(main, base.revision(), safety);
            safetyNames.add(safety);
        }
        writing.set(false);
        for (Future<?> future : writers) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Set<String> kept = activeIds(memories, main, ReadPoint.HEAD);
        for (String name : safetyNames) {
            Snapshot safety = versions.findSnapshot(user, name).orElseThrow();
            assertThat(safety.safety()).isTrue();
            kept.addAll(activeIds(memories, main, safety.readPoint()));
        }
        assertThat(written).isNotEmpty();
        assertThat(kept).containsAll(written);
    }
}
