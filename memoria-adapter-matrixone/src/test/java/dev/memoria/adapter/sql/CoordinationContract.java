package dev.memoria.adapter.sql;

import dev.memoria.ports.model.AsyncTask;
import dev.memoria.ports.model.Entity;
import dev.memoria.ports.model.GovernanceRun;
import dev.memoria.ports.model.LockLease;
import dev.memoria.ports.out.CoordinationPorts;
import dev.memoria.ports.out.DistributedLock;
import dev.memoria.ports.out.EntityStore;
import dev.memoria.ports.out.TaskStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordination ports (locks, tasks, heartbeats, cooldowns, governance log, entities) on every dialect the
 * build can start. Each test uses fresh random keys, so tests share one storage without interfering.
 */
abstract class CoordinationContract extends OpenStorageContract {

    private static final Duration TTL = Duration.ofSeconds(2);

    CoordinationPorts ports;

    @Override
    String storageName() {
        return "coordination";
    }

    @BeforeAll
    void openPorts() {
        ports = storage.coordination();
    }

    @Test
    void lockIsExclusiveReentrantAndReleasable() {
        DistributedLock lock = ports.lock();
        String key = fresh("lock");
        assertThat(lock.tryAcquire(key, "a", TTL)).isTrue();
        assertThat(lock.tryAcquire(key, "b", TTL)).isFalse();
        assertThat(lock.tryAcquire(key, "a", TTL)).as("re-entrant").isTrue();
        assertThat(lock.renew(key, "a", TTL)).isTrue();
        assertThat(lock.renew(key, "b", TTL)).as("not the holder").isFalse();
        lock.release(key, "b");
        assertThat(lock.tryAcquire(key, "b", TTL)).as("release by a non-holder is a no-op").isFalse();
        lock.release(key, "a");
        assertThat(lock.tryAcquire(key, "b", TTL)).isTrue();
        lock.release(key, "b");
    }

    @Test
    void expiredLockIsTakenOverAndTheOldHolderCannotRenew() throws Exception {
        DistributedLock lock = ports.lock();
        String key = fresh("expiring");
        assertThat(lock.tryAcquire(key, "crashed", Duration.ofSeconds(1))).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean taken = false;
        while (!taken && System.nanoTime() < deadline) {
            taken = lock.tryAcquire(key, "survivor", TTL);
            if (!taken) {
                Thread.sleep(100);
            }
        }
        assertThat(taken).as("another holder takes an expired lock").isTrue();
        assertThat(lock.renew(key, "crashed", TTL)).as("a lost lock cannot be renewed").isFalse();
        List<LockLease> leases = lock.list().stream().filter(l -> l.key().equals(key)).toList();
        assertThat(leases).singleElement().satisfies(l -> {
            assertThat(l.holder()).isEqualTo("survivor");
            assertThat(l.expired()).isFalse();
            assertThat(l.expiresAt()).isAfter(l.acquiredAt());
        });
        lock.release(key, "survivor");
    }

    @Test
    void racingInstancesGetExactlyOneWinner() throws Exception {
        DistributedLock lock = ports.lock();
        String key = fresh("race");
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = IntStream.range(0, racers).mapToObj(i -> pool.submit((Callable<Boolean>) () -> {
                start.await();
                return lock.tryAcquire(key, "holder-" + i, TTL);
            })).toList();
            start.countDown();
            long winners = 0;
            for (Future<Boolean> result : results) {
                if (result.get()) {
                    winners++;
                }
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void taskLifecycleIsVisibleAndFinishesOnce() {
        TaskStore tasks = ports.tasks();
        String id = fresh("task");
        tasks.create(id, "inst-1", "alice", "session_summary");
        AsyncTask created = tasks.find(id).orElseThrow();
        assertThat(created.status()).isEqualTo(AsyncTask.Status.PROCESSING);
        assertThat(created.userId()).isEqualTo("alice");
        assertThat(created.result()).isNull();
        assertThat(tasks.complete(id, Map.of("memory_id", "m1", "truncated", false))).isTrue();
        assertThat(tasks.fail(id, Map.of("code", "X"))).as("a finished task stays finished").isFalse();
        AsyncTask done = tasks.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(AsyncTask.Status.COMPLETED);
        assertThat(done.result()).containsEntry("memory_id", "m1").containsEntry("truncated", false);
        assertThat(tasks.find(fresh("missing"))).isEmpty();
    }

    @Test
    void tasksOfADeadInstanceAreFailedButALiveInstancesAreNot() {
        String live = fresh("live");
        String dead = fresh("dead");
        ports.instances().heartbeat(live);
        String liveTask = fresh("t");
        String deadTask = fresh("t");
        ports.tasks().create(liveTask, live, "bob", "session_summary");
        ports.tasks().create(deadTask, dead, "bob", "session_summary");
        int failed = ports.tasks().failOrphaned(Duration.ofSeconds(60), Map.of("code", "ORPHANED"));
        assertThat(failed).isGreaterThanOrEqualTo(1);
        assertThat(ports.tasks().find(deadTask).orElseThrow().status()).isEqualTo(AsyncTask.Status.FAILED);
        assertThat(ports.tasks().find(deadTask).orElseThrow().error()).containsEntry("code", "ORPHANED");
        assertThat(ports.tasks().find(liveTask).orElseThrow().status()).isEqualTo(AsyncTask.Status.PROCESSING);
        assertThat(ports.tasks().failAllOf(live, Map.of("code", "RESTARTED"))).isEqualTo(1);
        assertThat(ports.tasks().find(liveTask).orElseThrow().status()).isEqualTo(AsyncTask.Status.FAILED);
    }

    @Test
    void heartbeatsListRecentInstances() {
        String id = fresh("beat");
        ports.instances().heartbeat(id);
        ports.instances().heartbeat(id);
        assertThat(ports.instances().recent(Duration.ofSeconds(60))).anySatisfy(b -> {
            assertThat(b.instanceId()).isEqualTo(id);
            assertThat(b.lastHeartbeat()).isAfterOrEqualTo(b.startedAt());
        });
        ports.instances().remove(id);
        assertThat(ports.instances().recent(Duration.ofSeconds(60))).noneMatch(b -> b.instanceId().equals(id));
    }

    @Test
    void cooldownsAndGovernanceRunsRoundTrip() {
        String user = fresh("u");
        assertThat(ports.cooldowns().lastRun(user, "governance")).isEmpty();
        Instant at = Instant.parse("2025-01-02T03:04:05.123456Z");
        ports.cooldowns().markRun(user, "governance", at);
        ports.cooldowns().markRun(user, "governance", at.plusSeconds(5));
        assertThat(ports.cooldowns().lastRun(user, "governance")).contains(at.plusSeconds(5));

        String task = fresh("hourly");
        GovernanceRun run = new GovernanceRun(fresh("run"), task, null, "inst", at, at.plusSeconds(1), "success",
                Map.of("quarantined", 2L), List.of("w"), List.of("pre_governance_1"));
        ports.governanceLog().record(run);
        assertThat(ports.governanceLog().lastScheduledRun(task)).contains(run);
        assertThat(ports.governanceLog().recent(1000)).contains(run);
    }

    @Test
    void entitiesAreUniqueByNameAndLinksAreIdempotent() {
        String user = fresh("u");
        assertThat(ports.entities().upsert(user, new Entity("postgresql", "PostgreSQL", "tech"), "llm")).isTrue();
        assertThat(ports.entities().upsert(user, new Entity("postgresql", "Postgres", "tech"), "manual")).isFalse();
        assertThat(ports.entities().link(user, "m1", "postgresql")).isTrue();
        assertThat(ports.entities().link(user, "m1", "postgresql")).isFalse();
        assertThat(ports.entities().list(user)).containsExactly(new Entity("postgresql", "PostgreSQL", "tech"));
        assertThat(ports.entities().linkedMemoryIds(user, List.of("m1", "m2"))).containsExactly("m1");
        assertThat(ports.entities().list(fresh("other"))).isEmpty();
    }

    @Test
    void entityNamesInAnyScriptAndUpToTheFullColumnLengthRoundTrip() {
        String user = fresh("u");
        String longest = "n".repeat(127) + "名";
        List<Entity> names = List.of(new Entity("张伟", "张伟", "person"), new Entity("`😀x`", "`😀x`", "project"),
                new Entity(longest, longest, "tech"));
        for (Entity entity : names) {
            assertThat(ports.entities().upsert(user, entity, "regex")).as(entity.name()).isTrue();
            assertThat(ports.entities().link(user, "m1", entity.name())).as(entity.name()).isTrue();
        }
        assertThat(ports.entities().list(user)).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void linkAllCreatesWhatIsMissingAndLinksEverythingOnce() {
        String user = fresh("u");
        Entity redis = new Entity("redis", "Redis", "tech");
        Entity alice = new Entity("alice", "alice", "person");
        Entity kafka = new Entity("kafka", "Kafka", "tech");
        ports.entities().upsert(user, new Entity("redis", "REDIS", "project"), "manual");

        assertThat(ports.entities().linkAll(user, "m1", List.of(redis, alice, alice), "regex"))
                .isEqualTo(new EntityStore.LinkCounts(1, 2));
        assertThat(ports.entities().linkAll(user, "m1", List.of(redis, alice), "regex"))
                .isEqualTo(new EntityStore.LinkCounts(0, 0));
        assertThat(ports.entities().linkAll(user, "m2", List.of(alice, kafka), "regex"))
                .isEqualTo(new EntityStore.LinkCounts(1, 2));
        assertThat(ports.entities().linkAll(user, "m3", List.of(), "regex"))
                .isEqualTo(new EntityStore.LinkCounts(0, 0));

        // the first writer of a name fixes how it is shown and its type
        assertThat(ports.entities().list(user)).containsExactlyInAnyOrder(new Entity("redis", "REDIS", "project"),
                alice, kafka);
        assertThat(ports.entities().linkedMemoryIds(user, List.of("m1", "m2", "m3"))).containsExactlyInAnyOrder("m1",
                "m2");
    }

    @Test
    void concurrentLinkAllCallsCreateEachEntityOnce() throws Exception {
        String user = fresh("u");
        List<Entity> names = IntStream.range(0, 6).mapToObj(i -> new Entity("name" + i, "Name" + i, "tech")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<EntityStore.LinkCounts>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String memoryId = "m" + t;
                results.add(pool.submit(() -> {
                    start.await();
                    return ports.entities().linkAll(user, memoryId, names, "regex");
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<EntityStore.LinkCounts> result : results) {
                EntityStore.LinkCounts counts = result.get();
                assertThat(counts.linksCreated()).isEqualTo(6);
                created += counts.entitiesCreated();
            }
            assertThat(created).isEqualTo(6);
            assertThat(ports.entities().list(user)).hasSize(6);
        } finally {
            pool.shutdownNow();
        }
    }
}
