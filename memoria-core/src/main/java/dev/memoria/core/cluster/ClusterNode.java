package dev.memoria.core.cluster;

import dev.memoria.core.governance.Governance;
import dev.memoria.ports.model.GovernanceRun;
import dev.memoria.ports.model.LockLease;
import dev.memoria.ports.out.CoordinationPorts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's part in the cluster. Every TTL/3 it: beats its heartbeat row; fails async tasks whose owner
 * stopped beating (orphans); and, with governance enabled, takes or keeps the scheduler leadership lease. The
 * leader starts each due task on a worker under the task's own lock, so even two instances that both believe
 * they lead (a stalled leader waking up) never run a task twice at once. When was a task last run comes from the
 * shared audit log, so a new leader continues the schedule instead of restarting it.
 */
public final class ClusterNode implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());

    private final CoordinationPorts ports;
    private final Governance governance; // null: no governance (no coordination for it)
    private final ClusterSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final LeaseKeeper leases;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private volatile boolean leader;
    private volatile boolean stopped;

    public ClusterNode(CoordinationPorts ports, Governance governance, ClusterSettings settings, Clock clock) {
        this.ports = ports;
        this.governance = governance;
        this.settings = settings;
        this.clock = clock;
        this.timer = Executors.newScheduledThreadPool(2, daemon("memoria-cluster"));
        this.workers = Executors.newCachedThreadPool(daemon("memoria-governance"));
        this.leases = new LeaseKeeper(ports.lock(), settings.instanceId(), settings.lockTtl(), timer);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Registers the instance and starts beating. Tasks left processing by this id's previous life are failed. */
    public ClusterNode start() {
        ports.tasks().failAllOf(settings.instanceId(), Map.of("code", "INSTANCE_RESTARTED",
                "message", "The instance running this task restarted before it finished"));
        ports.instances().heartbeat(settings.instanceId());
        long beat = settings.beat().toMillis();
        timer.scheduleWithFixedDelay(this::tick, beat, beat, TimeUnit.MILLISECONDS);
        return this;
    }

    void tick() {
        if (stopped) {
            return;
        }
        try {
            ports.instances().heartbeat(settings.instanceId());
            int orphans = ports.tasks().failOrphaned(settings.lockTtl(), Map.of("code", "ORPHANED",
                    "message", "The instance running this task stopped responding; please retry"));
            if (orphans > 0) {
                LOG.info("failed " + orphans + " task(s) orphaned by a dead instance");
            }
            if (settings.governanceEnabled() && governance != null) {
                lead();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cluster tick failed (database unreachable?)", e);
            leader = false;
        }
    }

    private void lead() {
        // re-acquiring is re-entrant: for the current leader this renews the lease
        boolean nowLeader = ports.lock().tryAcquire(ClusterSettings.LEADER_LOCK, settings.instanceId(),
                settings.lockTtl());
        if (nowLeader != leader) {
            LOG.info(nowLeader ? "this instance leads the governance scheduler" : "lost scheduler leadership");
            firstSeen.clear();
        }
        leader = nowLeader;
        if (!leader) {
            return;
        }
        for (ScheduledTask task : effectiveTasks()) {
            if (!running.contains(task.name()) && due(task) && running.add(task.name())) {
                workers.execute(() -> runTask(task));
            }
        }
    }

    /**
     * The tasks with the intervals the governance policy sets (a bound plugin may change how often a task runs);
     * a failure to resolve the policy keeps the configured intervals.
     */
    private List<ScheduledTask> effectiveTasks() {
        Map<String, java.time.Duration> overrides;
        try {
            overrides = governance == null ? Map.of() : governance.scheduleIntervals();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the policy's schedule; keeping the configured intervals", e);
            overrides = Map.of();
        }
        List<ScheduledTask> tasks = new ArrayList<>();
        for (ScheduledTask task : settings.tasks()) {
            tasks.add(new ScheduledTask(task.name(), overrides.getOrDefault(task.name(), task.interval())));
        }
        return tasks;
    }

    private boolean due(ScheduledTask task) {
        return !clock.instant().isBefore(nextRun(task));
    }

    /**
     * One interval after the task's last run anywhere; a task that never ran is first due one interval after
     * this instance became leader (like the reference, there is no run at start-up).
     */
    private Instant nextRun(ScheduledTask task) {
        Optional<GovernanceRun> last = ports.governanceLog().lastScheduledRun(task.name());
        Instant base = last.map(GovernanceRun::startedAt)
                .orElseGet(() -> firstSeen.computeIfAbsent(task.name(), k -> clock.instant()));
        return base.plus(task.interval());
    }

    private void runTask(ScheduledTask task) {
        try {
            leases.runLocked(task.lockKey(), cancel -> {
                // another instance may have finished this tick while we waited for the lock
                if (stopped || !due(task)) {
                    return null;
                }
                LOG.info("running scheduled governance task " + task.name());
                return governance.runScheduled(task.name(), cancel);
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "scheduled task " + task.name() + " failed", e);
        } finally {
            running.remove(task.name());
        }
    }

    public boolean leader() {
        return leader;
    }

    public String instanceId() {
        return settings.instanceId();
    }

    public ClusterStatus status() {
        List<LockLease> locks = ports.lock().list();
        String leaderId = locks.stream().filter(l -> l.key().equals(ClusterSettings.LEADER_LOCK) && !l.expired())
                .map(LockLease::holder).findFirst().orElse(null);
        List<ClusterStatus.TaskSchedule> schedule = new ArrayList<>();
        for (ScheduledTask task : effectiveTasks()) {
            Optional<GovernanceRun> last = ports.governanceLog().lastScheduledRun(task.name());
            Instant next = last.map(r -> r.startedAt().plus(task.interval())).orElse(null);
            if (next == null && firstSeen.containsKey(task.name())) {
                next = firstSeen.get(task.name()).plus(task.interval());
            }
            schedule.add(new ClusterStatus.TaskSchedule(task.name(), task.interval().toSeconds(),
                    last.map(GovernanceRun::startedAt).orElse(null), last.map(GovernanceRun::instanceId).orElse(null),
                    last.map(GovernanceRun::status).orElse(null), next, running.contains(task.name())));
        }
        return new ClusterStatus(settings.instanceId(), leader, leaderId,
                ports.instances().recent(settings.lockTtl().multipliedBy(3)), locks, schedule);
    }

    /**
     * Simulates a crash for tests: stops beating and scheduling without releasing anything, as SIGKILL would;
     * the locks and the heartbeat row expire on their own.
     */
    public void halt() {
        stopped = true;
        timer.shutdownNow();
        workers.shutdownNow();
    }

    /** Clean shutdown: stop scheduling, let running tasks end (bounded), release leadership, drop the heartbeat row. */
    @Override
    public void close() {
        stopped = true;
        // running tasks keep their lock renewals (on the timer) until they end; then the timer goes
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        try {
            ports.lock().release(ClusterSettings.LEADER_LOCK, settings.instanceId());
            ports.instances().remove(settings.instanceId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not release cluster state on shutdown (it expires after the TTL)", e);
        }
    }
}
