package dev.memoria.core.cluster;

import java.time.Duration;

/** A governance task the leader runs every {@code interval} (hourly, daily, weekly by default). */
public record ScheduledTask(String name, Duration interval) {

    public ScheduledTask {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval of " + name + " must be positive");
        }
    }

    public String lockKey() {
        return "governance:" + name;
    }
}
