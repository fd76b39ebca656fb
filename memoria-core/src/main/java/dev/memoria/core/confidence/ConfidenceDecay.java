package dev.memoria.core.confidence;

import dev.memoria.ports.model.Memory;

import java.time.Duration;
import java.time.Instant;

/**
 * Effective confidence of a memory: its initial confidence decayed exponentially with its age,
 * {@code initial · exp(−age_days / half_life(tier))}.
 */
public final class ConfidenceDecay {

    private ConfidenceDecay() {
    }

    public static double effective(Memory memory, Instant now) {
        Instant since = memory.observedAt() != null ? memory.observedAt() : memory.createdAt();
        if (since == null) {
            return memory.initialConfidence();
        }
        // seconds, not millis: toMillis overflows for instants stored far from now
        double ageDays = Math.max(0, Duration.between(since, now).getSeconds() / 86_400.0);
        return memory.initialConfidence() * Math.exp(Math.max(-ageDays / memory.trustTier().halfLifeDays(), -500));
    }
}
