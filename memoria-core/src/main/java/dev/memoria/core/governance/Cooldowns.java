package dev.memoria.core.governance;

import dev.memoria.ports.out.CooldownStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Per-user cooldowns of the manual triggers, stored in the shared database so every instance honours them. */
public final class Cooldowns {

    /** Cooldown of each manually triggered operation. */
    public record Periods(Duration governance, Duration consolidate, Duration reflect) {
        public static final Periods DEFAULTS = new Periods(Duration.ofHours(1), Duration.ofMinutes(30),
                Duration.ofHours(2));

        Duration of(String operation) {
            return switch (operation) {
                case GovernanceOps.GOVERNANCE -> governance;
                case GovernanceOps.CONSOLIDATE -> consolidate;
                case GovernanceOps.REFLECT -> reflect;
                default -> Duration.ZERO;
            };
        }
    }

    private final CooldownStore store;
    private final Periods periods;
    private final Clock clock;

    public Cooldowns(CooldownStore store, Periods periods, Clock clock) {
        this.store = store;
        this.periods = periods;
        this.clock = clock;
    }

    /** Whole seconds until {@code operation} may run again for the user; empty when it may run now. */
    public Optional<Long> remaining(String userId, String operation) {
        Optional<Instant> last = store.lastRun(userId, operation);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), last.get().plus(periods.of(operation)));
        if (left.isNegative() || left.isZero()) {
            return Optional.empty();
        }
        return Optional.of(Math.max(1, (left.toMillis() + 999) / 1000));
    }

    public void markRun(String userId, String operation) {
        store.markRun(userId, operation, clock.instant());
    }
}
