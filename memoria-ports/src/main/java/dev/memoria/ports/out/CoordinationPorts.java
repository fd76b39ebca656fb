package dev.memoria.ports.out;

import java.util.Objects;

/** The shared-database ports that let several instances cooperate: locks, tasks, heartbeats, governance state. */
public record CoordinationPorts(
        DistributedLock lock,
        TaskStore tasks,
        InstanceRegistry instances,
        CooldownStore cooldowns,
        GovernanceLog governanceLog,
        EntityStore entities) {

    public CoordinationPorts {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(instances, "instances");
        Objects.requireNonNull(cooldowns, "cooldowns");
        Objects.requireNonNull(governanceLog, "governanceLog");
        Objects.requireNonNull(entities, "entities");
    }
}
