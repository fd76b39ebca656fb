package dev.memoria.core.cluster;

import java.time.Duration;
import java.util.List;

/**
 * How an instance takes part in the cluster.
 *
 * @param lockTtl            TTL of every lock and of the instance heartbeat; renewals run every TTL/3
 * @param governanceEnabled  whether this instance competes for scheduler leadership
 * @param tasks              the scheduled governance tasks and their intervals
 */
public record ClusterSettings(String instanceId, Duration lockTtl, boolean governanceEnabled, List<ScheduledTask> tasks) {

    public static final String LEADER_LOCK = "governance:scheduler-leader";

    public ClusterSettings {
        tasks = List.copyOf(tasks);
    }

    public static List<ScheduledTask> defaultTasks() {
        return List.of(new ScheduledTask("hourly", Duration.ofHours(1)), new ScheduledTask("daily", Duration.ofDays(1)),
                new ScheduledTask("weekly", Duration.ofDays(7)));
    }

    Duration beat() {
        return Duration.ofMillis(Math.max(100, lockTtl.toMillis() / 3));
    }
}
