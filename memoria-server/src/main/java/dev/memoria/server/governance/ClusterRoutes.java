package dev.memoria.server.governance;

import dev.memoria.core.Memoria;
import dev.memoria.core.cluster.ClusterStatus;
import dev.memoria.ports.model.GovernanceRun;
import dev.memoria.server.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /admin/cluster} (master): instances, locks, the schedule, and recent governance runs. */
public final class ClusterRoutes {

    private final Memoria memoria;

    public ClusterRoutes(Memoria memoria) {
        this.memoria = memoria;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/cluster", this::cluster);
        routes.get("/admin/governance/runs", ctx -> {
            Requests.requireMaster(ctx);
            int limit = Math.max(1, Math.min(1000, Requests.intQuery(ctx, "limit", 50)));
            ctx.json(Map.of("runs", memoria.governance().auditLog().recent(limit).stream()
                    .map(ClusterRoutes::runJson).toList()));
        });
    }

    private static Map<String, Object> runJson(GovernanceRun run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", run.runId());
        json.put("task", run.task());
        json.put("user_id", run.userId());
        json.put("instance_id", run.instanceId());
        json.put("started_at", run.startedAt().toString());
        json.put("finished_at", run.finishedAt().toString());
        json.put("status", run.status());
        json.put("counts", run.counts());
        json.put("warnings", run.warnings());
        json.put("safety_snapshots", run.snapshots());
        return json;
    }

    private void cluster(Context ctx) {
        Requests.requireMaster(ctx);
        ClusterStatus status = memoria.cluster().status();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("instance_id", status.instanceId());
        json.put("leader", status.leader());
        json.put("leader_id", status.leaderId());
        json.put("instances", status.instances().stream().map(i -> Map.of("instance_id", i.instanceId(),
                "started_at", i.startedAt().toString(), "last_heartbeat", i.lastHeartbeat().toString())).toList());
        json.put("locks", status.locks().stream().map(l -> {
            Map<String, Object> lock = new LinkedHashMap<>();
            lock.put("key", l.key());
            lock.put("holder", l.holder());
            lock.put("acquired_at", l.acquiredAt().toString());
            lock.put("expires_at", l.expiresAt().toString());
            lock.put("expired", l.expired());
            return lock;
        }).toList());
        json.put("tasks", status.tasks().stream().map(t -> {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("name", t.name());
            task.put("interval_s", t.intervalSeconds());
            task.put("last_run", t.lastRun() == null ? null : t.lastRun().toString());
            task.put("last_run_instance", t.lastRunInstance());
            task.put("last_status", t.lastStatus());
            task.put("next_run", t.nextRun() == null ? null : t.nextRun().toString());
            task.put("running_here", t.runningHere());
            return task;
        }).toList());
        json.put("metrics", memoria.governance().metrics().snapshot());
        ctx.json(json);
    }
}
