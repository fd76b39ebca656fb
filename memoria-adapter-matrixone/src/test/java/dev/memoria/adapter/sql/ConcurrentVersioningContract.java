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
}
