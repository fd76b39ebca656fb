package dev.memoria.ports.out;

import java.time.Instant;
import java.util.Optional;

/** When a per-user operation (governance, consolidate, reflect) last ran, shared by every instance. */
public interface CooldownStore {

    Optional<Instant> lastRun(String userId, String operation);

    void markRun(String userId, String operation, Instant at);
}
