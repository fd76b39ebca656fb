package dev.memoria.adapter.sql;

import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds memories and ids for the tests. Ids are time-ordered 32-hex strings, like UUIDv7 simple form. */
final class TestMemories {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() << 16);

    private TestMemories() {
    }

    static String nextId() {
        return String.format("%016x%016x", SEQUENCE.incrementAndGet(), 0xabcdefL);
    }

    static String newUser() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static Memory memory(String userId, String content) {
        return new Memory(nextId(), userId, MemoryType.SEMANTIC, content, TrustTier.T1, 0.95, null, null, null,
                Map.of(), Instant.now().truncatedTo(ChronoUnit.MICROS), Instant.now().truncatedTo(ChronoUnit.MICROS),
                null, true, null);
    }

    static Memory withContent(Memory m, String content) {
        return new Memory(m.memoryId(), m.userId(), m.memoryType(), content, m.trustTier(), m.initialConfidence(),
                m.sessionId(), m.subjectId(), m.authorId(), m.extraMetadata(), m.observedAt(), m.createdAt(),
                m.supersededBy(), m.active(), m.embedding());
    }

    static Memory with(Memory m, MemoryType type, TrustTier tier, String session, String subject) {
        return new Memory(m.memoryId(), m.userId(), type, m.content(), tier, m.initialConfidence(), session, subject,
                m.authorId(), m.extraMetadata(), m.observedAt(), m.createdAt(), m.supersededBy(), m.active(),
                m.embedding());
    }

    static float[] vector(int dimension, int seed) {
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) Math.sin(seed * 31 + i * 0.7);
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return v;
    }
}
