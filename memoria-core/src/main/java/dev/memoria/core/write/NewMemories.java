package dev.memoria.core.write;

import dev.memoria.core.MemoryIds;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Builds new memory records: fresh time-ordered ids, creation times from one clock, tier defaults. */
public final class NewMemories {

    private final MemoryIds ids;
    private final Clock clock;

    public NewMemories(Clock clock) {
        this.clock = clock;
        this.ids = new MemoryIds(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    public Memory from(String userId, StoreCommand command, String content, float[] embedding) {
        Instant now = now();
        double confidence = command.initialConfidence() != null
                ? command.initialConfidence() : command.trustTier().defaultConfidence();
        return new Memory(ids.next(), userId, command.memoryType(), content, command.trustTier(), confidence,
                command.sessionId(), command.subjectId(), null,
                command.extraMetadata() == null ? Map.of() : command.extraMetadata(),
                command.observedAt() != null ? command.observedAt() : now, now, null, true, embedding);
    }

    /** The memory that replaces {@code old} after a correction: tier T2, no metadata, observed now. */
    public Memory correctionOf(Memory old, String content, float[] embedding) {
        Instant now = now();
        return new Memory(ids.next(), old.userId(), old.memoryType(), content, TrustTier.T2,
                old.initialConfidence(), old.sessionId(), old.subjectId(), old.authorId(), Map.of(), now, now,
                null, true, embedding);
    }

    public Memory of(String userId, MemoryType type, TrustTier tier, double confidence, String content,
                     String sessionId, String subjectId, Instant observedAt, float[] embedding) {
        Instant now = now();
        return new Memory(ids.next(), userId, type, content, tier, confidence, sessionId, subjectId, null, Map.of(),
                observedAt != null ? observedAt : now, now, null, true, embedding);
    }
}
