package dev.memoria.core.testing;

import dev.memoria.ports.model.AsyncTask;
import dev.memoria.ports.model.Entity;
import dev.memoria.ports.model.GovernanceRun;
import dev.memoria.ports.model.InstanceBeat;
import dev.memoria.ports.model.LockLease;
import dev.memoria.ports.out.CooldownStore;
import dev.memoria.ports.out.CoordinationPorts;
import dev.memoria.ports.out.DistributedLock;
import dev.memoria.ports.out.EntityStore;
import dev.memoria.ports.out.GovernanceLog;
import dev.memoria.ports.out.InstanceRegistry;
import dev.memoria.ports.out.TaskStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The coordination ports in memory, with one shared clock standing in for the database's. */
public final class InMemoryCoordination implements DistributedLock, TaskStore, InstanceRegistry, CooldownStore,
        GovernanceLog, EntityStore {

    private record Lease(String holder, Instant acquired, Instant expires) {
    }

    private final Clock clock;
    private final Map<String, Lease> locks = new HashMap<>();
    private final Map<String, AsyncTask> tasks = new LinkedHashMap<>();
    private final Map<String, InstanceBeat> instances = new HashMap<>();
    private final Map<String, Instant> cooldowns = new HashMap<>();
    private final List<GovernanceRun> runs = new ArrayList<>();
    private final Map<String, Map<String, Entity>> entities = new HashMap<>();
    private final Set<String> links = new HashSet<>();

    public InMemoryCoordination(Clock clock) {
        this.clock = clock;
    }

    public CoordinationPorts ports() {
        return new CoordinationPorts(this, this, this, this, this, this);
    }

    @Override
    public synchronized boolean tryAcquire(String key, String holder, Duration ttl) {
        Instant now = clock.instant();
        Lease lease = locks.get(key);
        if (lease != null && lease.expires().isAfter(now) && !lease.holder().equals(holder)) {
            return false;
        }
        Instant acquired = lease != null && lease.holder().equals(holder) && lease.expires().isAfter(now)
                ? lease.acquired() : now;
        locks.put(key, new Lease(holder, acquired, now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized boolean renew(String key, String holder, Duration ttl) {
        Lease lease = locks.get(key);
        Instant now = clock.instant();
        if (lease == null || !lease.holder().equals(holder) || !lease.expires().isAfter(now)) {
            return false;
        }
        locks.put(key, new Lease(holder, lease.acquired(), now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized void release(String key, String holder) {
        Lease lease = locks.get(key);
        if (lease != null && lease.holder().equals(holder)) {
            locks.remove(key);
        }
    }

    @Override
    public synchronized List<LockLease> list() {
        Instant now = clock.instant();
        return locks.entrySet().stream().map(e -> new LockLease(e.getKey(), e.getValue().holder(),
                e.getValue().acquired(), e.getValue().expires(), !e.getValue().expires().isAfter(now))).toList();
    }

    /** Steals a lock as another instance would after its expiry (for lost-lock tests). */
    public synchronized void steal(String key, String holder) {
        locks.put(key, new Lease(holder, clock.instant(), clock.instant().plusSeconds(3600)));
    }

    @Override
    public synchronized void create(String taskId, String instanceId, String userId, String kind) {
        Instant now = clock.instant();
        tasks.put(taskId, new AsyncTask(taskId, instanceId, userId, kind, AsyncTask.Status.PROCESSING, null, null, now, now));
    }

    @Override
    public boolean complete(String taskId, Map<String, Object> result) {
        return finish(taskId, AsyncTask.Status.COMPLETED, result, null);
    }

    @Override
    public boolean fail(String taskId, Map<String, Object> error) {
        return finish(taskId, AsyncTask.Status.FAILED, null, error);
    }

    private synchronized boolean finish(String taskId, AsyncTask.Status status, Map<String, Object> result,
                                        Map<String, Object> error) {
        AsyncTask t = tasks.get(taskId);
        if (t == null || t.status() != AsyncTask.Status.PROCESSING) {
            return false;
        }
        tasks.put(taskId, new AsyncTask(taskId, t.instanceId(), t.userId(), t.kind(), status, result, error,
                t.createdAt(), clock.instant()));
        return true;
    }

    @Override
    public synchronized Optional<AsyncTask> find(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    @Override
    public synchronized int failOrphaned(Duration instanceTimeout, Map<String, Object> error) {
        Instant cutoff = clock.instant().minus(instanceTimeout);
        List<String> orphans = tasks.values().stream().filter(t -> t.status() == AsyncTask.Status.PROCESSING)
                .filter(t -> !instances.containsKey(t.instanceId())
                        || !instances.get(t.instanceId()).lastHeartbeat().isAfter(cutoff))
                .map(AsyncTask::taskId).toList();
        orphans.forEach(id -> fail(id, error));
        return orphans.size();
    }

    @Override
    public synchronized int failAllOf(String instanceId, Map<String, Object> error) {
        List<String> owned = tasks.values().stream().filter(t -> t.status() == AsyncTask.Status.PROCESSING
                && t.instanceId().equals(instanceId)).map(AsyncTask::taskId).toList();
        owned.forEach(id -> fail(id, error));
        return owned.size();
    }

    @Override
    public synchronized Map<String, Long> countByStatus() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        tasks.values().forEach(t -> counts.merge(t.status().wireName(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized int deleteFinishedOlderThan(Duration age) {
        Instant cutoff = clock.instant().minus(age);
        int before = tasks.size();
        tasks.values().removeIf(t -> t.status() != AsyncTask.Status.PROCESSING && t.updatedAt().isBefore(cutoff));
        return before - tasks.size();
    }

    @Override
    public synchronized void heartbeat(String instanceId) {
        InstanceBeat old = instances.get(instanceId);
        instances.put(instanceId, new InstanceBeat(instanceId, old == null ? clock.instant() : old.startedAt(),
                clock.instant()));
    }

    @Override
    public synchronized List<InstanceBeat> recent(Duration within) {
        Instant cutoff = clock.instant().minus(within);
        return instances.values().stream().filter(b -> b.lastHeartbeat().isAfter(cutoff))
                .sorted(Comparator.comparing(InstanceBeat::lastHeartbeat).reversed()).toList();
    }

    @Override
    public synchronized void remove(String instanceId) {
        instances.remove(instanceId);
    }

    @Override
    public synchronized Optional<Instant> lastRun(String userId, String operation) {
        return Optional.ofNullable(cooldowns.get(userId + ":" + operation));
    }

    @Override
    public synchronized void markRun(String userId, String operation, Instant at) {
        cooldowns.put(userId + ":" + operation, at);
    }

    @Override
    public synchronized void record(GovernanceRun run) {
        runs.add(run);
    }

    @Override
    public synchronized List<GovernanceRun> recent(int limit) {
        List<GovernanceRun> copy = new ArrayList<>(runs);
        java.util.Collections.reverse(copy);
        return copy.subList(0, Math.min(limit, copy.size()));
    }

    @Override
    public synchronized Optional<GovernanceRun> lastScheduledRun(String task) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).task().equals(task) && runs.get(i).userId() == null) {
                return Optional.of(runs.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized boolean upsert(String userId, Entity entity, String source) {
        return entities.computeIfAbsent(userId, k -> new LinkedHashMap<>()).putIfAbsent(entity.name(), entity) == null;
    }

    @Override
    public synchronized boolean link(String userId, String memoryId, String entityName) {
        return links.add(userId + "\u0000" + memoryId + "\u0000" + entityName);
    }

    @Override
    public synchronized List<Entity> list(String userId) {
        return List.copyOf(entities.getOrDefault(userId, Map.of()).values());
    }

    @Override
    public synchronized Set<String> linkedMemoryIds(String userId, Collection<String> memoryIds) {
        Set<String> linked = new HashSet<>();
        for (String link : links) {
            String[] parts = link.split("\u0000");
            if (parts[0].equals(userId) && memoryIds.contains(parts[1])) {
                linked.add(parts[1]);
            }
        }
        return linked;
    }

    /** Removes every entity link of the user, as if the memories had been stored before links were written. */
    public synchronized void forgetEntityLinks(String userId) {
        links.removeIf(link -> link.startsWith(userId + "\u0000"));
    }
}
