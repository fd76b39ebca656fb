package dev.memoria.adapter.sql.index;

import java.util.Arrays;
import java.util.Map;

/**
 * Append-only, chunked storage of the rows of one branch index. A slot is never rewritten: replacing or
 * ending a memory only clears its bit in a snapshot's live set, so published snapshots can share the chunks
 * with the writer (copy-on-write costs one small array of chunk references per snapshot, not the vectors).
 *
 * <p>Vectors live in one {@code float[]} per chunk of 1024 rows (no boxing, no per-row object): 100k rows of
 * 384-d take 150 MB, the same as the raw floats. Chunking also means growth never copies existing vectors.
 *
 * <p>Not thread-safe: exactly one writer (the owning {@link BranchIndex}, under its entry lock).
 */
final class RowArena {

    private static final float NORM_TOLERANCE = 1e-3f;

    private RowChunk[] chunks = new RowChunk[0];
    private int size;
    private int dimension = -1;

    int size() {
        return size;
    }

    /** Stores a row in the next slot and returns that slot. */
    int append(IndexRow row) {
        int slot = size;
        int chunkIndex = slot >>> RowChunk.BITS;
        if (chunkIndex == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkIndex + 1);
            chunks[chunkIndex] = new RowChunk();
        }
        RowChunk chunk = chunks[chunkIndex];
        int i = slot & RowChunk.MASK;
        chunk.memoryIds[i] = row.memoryId();
        chunk.sessionIds[i] = row.sessionId();
        chunk.subjectIds[i] = row.subjectId();
        chunk.memoryTypes[i] = row.memoryType() == null ? -1 : (byte) row.memoryType().ordinal();
        chunk.trustTiers[i] = row.trustTier() == null ? -1 : (byte) row.trustTier().ordinal();
        Map<String, Object> metadata = row.extraMetadata();
        chunk.metadata[i] = metadata == null ? Map.of() : metadata;
        storeVector(chunk, i, row.embedding());
        size = slot + 1;
        return slot;
    }

    private void storeVector(RowChunk chunk, int i, float[] embedding) {
        if (embedding == null || embedding.length == 0) {
            return;
        }
        if (dimension < 0) {
            dimension = embedding.length; // the schema fixes one dimension per deployment
        }
        if (embedding.length != dimension) {
            return; // cannot be compared with the others; treated like a row without an embedding
        }
        if (chunk.vectors == null) {
            chunk.vectors = new float[RowChunk.SIZE * dimension];
        }
        int offset = i * dimension;
        System.arraycopy(embedding, 0, chunk.vectors, offset, dimension);
        normalizeInPlace(chunk.vectors, offset, dimension);
        chunk.hasVector[i] = true;
    }

    /**
     * Stored vectors should already be unit length; re-normalising the rare one that is not keeps the
     * dot product a true cosine in [-1, 1] at no query-time cost.
     */
    static void normalizeInPlace(float[] values, int offset, int length) {
        double sum = 0;
        for (int j = 0; j < length; j++) {
            float v = values[offset + j];
            sum += v * v;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0 || Math.abs(norm - 1) < NORM_TOLERANCE) {
            return;
        }
        float scale = (float) (1 / norm);
        for (int j = 0; j < length; j++) {
            values[offset + j] *= scale;
        }
    }

    /** An immutable view of the slots written so far; valid for ever because slots are write-once. */
    RowView view() {
        return new RowView(chunks.clone(), size, dimension);
    }
}
