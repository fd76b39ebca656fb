package dev.memoria.core.cluster;

import dev.memoria.ports.model.InstanceBeat;
import dev.memoria.ports.model.LockLease;

import java.time.Instant;
import java.util.List;

/** What {@code GET /admin/cluster} shows: live instances, every lock, and the schedule. */
public record ClusterStatus(String instanceId, boolean leader, String leaderId, List<InstanceBeat> instances,
                            List<LockLease> locks, List<TaskSchedule> tasks) {

    /** A scheduled task's last run (any instance, from the audit log) and when it is next due. */
    public record TaskSchedule(String name, long intervalSeconds, Instant lastRun, String lastRunInstance,
                               String lastStatus, Instant nextRun, boolean runningHere) {
    }
}
