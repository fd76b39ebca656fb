package dev.memoria.ports.model;

import java.time.Instant;

/** A server instance as its heartbeat row shows it (instants in the reader's clock, see {@link LockLease}). */
public record InstanceBeat(String instanceId, Instant startedAt, Instant lastHeartbeat) {
}
