package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;

import java.util.Map;
import java.util.Random;

/** Test row builders. */
final class Rows {

    private Rows() {
    }

    static IndexRow text(String id, String content) {
        return new IndexRow(id, content, MemoryType.SEMANTIC, TrustTier.T1, null, null, Map.of(), null);
    }

    static IndexRow vector(String id, float... embedding) {
        return new IndexRow(id, "content of " + id, MemoryType.SEMANTIC, TrustTier.T1, null, null, Map.of(),
                unit(embedding));
    }

    static IndexRow full(String id, String content, float[] embedding) {
        return new IndexRow(id, content, MemoryType.SEMANTIC, TrustTier.T1, null, null, Map.of(),
                embedding == null ? null : unit(embedding));
    }

    static IndexRow withSession(IndexRow row, String sessionId) {
        return new IndexRow(row.memoryId(), row.content(), row.memoryType(), row.trustTier(), sessionId,
                row.subjectId(), row.extraMetadata(), row.embedding());
    }

    static IndexRow withSubject(IndexRow row, String subjectId) {
        return new IndexRow(row.memoryId(), row.content(), row.memoryType(), row.trustTier(), row.sessionId(),
                subjectId, row.extraMetadata(), row.embedding());
    }

    static IndexRow withType(IndexRow row, MemoryType type) {
        return new IndexRow(row.memoryId(), row.content(), type, row.trustTier(), row.sessionId(),
                row.subjectId(), row.extraMetadata(), row.embedding());
    }

    static IndexRow withTier(IndexRow row, TrustTier tier) {
        return new IndexRow(row.memoryId(), row.content(), row.memoryType(), tier, row.sessionId(),
                row.subjectId(), row.extraMetadata(), row.embedding());
    }

    static IndexRow withMetadata(IndexRow row, Map<String, Object> metadata) {
        return new IndexRow(row.memoryId(), row.content(), row.memoryType(), row.trustTier(), row.sessionId(),
                row.subjectId(), metadata, row.embedding());
    }

    static float[] unit(float... values) {
        double sum = 0;
        for (float v : values) {
            sum += v * v;
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) (values[i] / Math.sqrt(sum));
        }
        return out;
    }

    static float[] randomUnit(Random random, int dimension) {
        float[] values = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return unit(values);
    }
}
