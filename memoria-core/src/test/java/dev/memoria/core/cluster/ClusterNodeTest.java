package dev.memoria.core.cluster;

import dev.memoria.core.Memoria;
import dev.memoria.core.governance.Cancellation;
import dev.memoria.core.testing.InMemoryCoordination;
import dev.memoria.core.testing.InMemoryStorage;
import dev.memoria.ports.model.AsyncTask;
import dev.memoria.ports.model.GovernanceRun;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Leases, leadership and orphan detection with real threads over the in-memory coordination ports. */
class ClusterNodeTest {

    private final Clock clock = Clock.systemUTC();
    private final InMemoryStorage storage = new InMemoryStorage(clock);
    private final InMemoryCoordination coordination = new InMemoryCoordination(clock);

    private Memoria node(String id, boolean governance) {
        return Memoria.builder().storage(storage.ports()).clock(clock).coordination(coordination.ports())
                .cluster(new ClusterSettings(id, Duration.ofMillis(600), governance,
                        List.of(new ScheduledTask("hourly", Duration.ofMillis(300)))))
                .build();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void lostLockCancelsTheRunningWork() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            LeaseKeeper keeper = new LeaseKeeper(coordination, "me", Duration.ofMillis(300), timer);
            List<String> seen = new ArrayList<>();
            keeper.runLocked("task", cancel -> {
                coordination.steal("task", "someone-else");
                try {
                    await("cancellation", cancel::cancelled);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                seen.add(cancel.reason());
                return null;
            });
            assertThat(seen).singleElement().asString().contains("lost");
            // release by the loser must not free the new holder's lock
            assertThat(coordination.tryAcquire("task", "third", Duration.ofSeconds(1))).isFalse();
            assertThat(keeper.runLocked("task", c -> "ran")).isEmpty();
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void oneLeaderRunsTheScheduleAndAnotherTakesOverWhenItHalts() throws Exception {
        Memoria a = node("node-a", true);
        Memoria b = node("node-b", true);
        a.cluster().start();
        b.cluster().start();
        try {
            await("a leader", () -> a.cluster().leader() || b.cluster().leader());
            await("a scheduled run", () -> coordination.lastScheduledRun("hourly").isPresent());
            assertThat(a.cluster().leader() && b.cluster().leader()).isFalse();
            Memoria leader = a.cluster().leader() ? a : b;
            Memoria follower = leader == a ? b : a;

            leader.cluster().halt(); // a crash: nothing released
            await("takeover", () -> follower.cluster().leader());
            String followerId = follower.cluster().instanceId();
            await("a run by the new leader", () -> coordination.recent(1000).stream()
                    .anyMatch(r -> r.instanceId().equals(followerId) && r.task().equals("hourly")));
        } finally {
            a.cluster().close();
            b.cluster().close();
        }
        // runs of one task never overlap in time
        List<GovernanceRun> runs = new ArrayList<>(coordination.recent(1000));
        runs.sort(java.util.Comparator.comparing(GovernanceRun::startedAt));
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).startedAt()).isAfterOrEqualTo(runs.get(i - 1).finishedAt());
        }
    }

    @Test
    void tasksOfAnInstanceThatStoppedBeatingAreFailed() throws Exception {
        coordination.create("t-dead", "ghost", "u", "session_summary");
        Memoria live = node("live", false);
        live.cluster().start();
        try {
            await("orphan failed", () -> coordination.find("t-dead").orElseThrow().status() == AsyncTask.Status.FAILED);
            assertThat(coordination.find("t-dead").orElseThrow().error()).containsEntry("code", "ORPHANED");
            assertThat(live.cluster().status().instances()).anyMatch(i -> i.instanceId().equals("live"));
        } finally {
            live.cluster().close();
        }
        assertThat(coordination.recent(Duration.ofMinutes(1))).noneMatch(i -> i.instanceId().equals("live"));
        assertThat(Cancellation.NEVER.cancelled()).isFalse();
        assertThat(Map.of()).isEmpty();
    }
}
