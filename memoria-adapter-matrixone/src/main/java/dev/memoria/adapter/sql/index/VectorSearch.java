package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.ScoredId;

import java.util.List;

/**
 * Exact nearest-neighbour search: a brute-force dot product over every live, filtered row with a vector.
 * Stored vectors and the query are unit length, so the dot product is the cosine similarity. Exact search
 * is simpler and more predictable than an ANN graph at up to ~100k rows per user, and the inner loop streams
 * one contiguous array per 1024-row chunk.
 */
final class VectorSearch {

    private VectorSearch() {
    }

    static List<ScoredId> nearest(IndexSnapshot snapshot, float[] query, RowFilter filter, int k) {
        RowView rows = snapshot.rows();
        int dimension = rows.dimension();
        if (dimension < 0 || snapshot.liveCount() == 0) {
            return List.of(); // no row has an embedding
        }
        if (query.length != dimension) {
            throw new IllegalArgumentException(
                    "query vector has " + query.length + " dimensions, the index has " + dimension);
        }
        float[] unitQuery = query.clone();
        RowArena.normalizeInPlace(unitQuery, 0, dimension);
        TopK top = new TopK(rows, Math.min(k, snapshot.liveCount()));
        long[] live = snapshot.liveWords();
        RowChunk[] chunks = rows.chunks();
        int size = rows.size();
        for (int c = 0; c < chunks.length; c++) {
            RowChunk chunk = chunks[c];
            int base = c << RowChunk.BITS;
            int end = Math.min(RowChunk.SIZE, size - base);
            float[] vectors = null;
            for (int i = 0; i < end; i++) {
                int slot = base + i;
                if ((live[slot >>> 6] & (1L << slot)) == 0 || !chunk.hasVector[i] || !filter.test(chunk, i)) {
                    continue;
                }
                if (vectors == null) {
                    vectors = chunk.vectors; // read only after hasVector: see RowChunk
                }
                float score = dot(unitQuery, vectors, i * dimension, dimension);
                if (top.competitive(score)) {
                    top.offer(slot, score);
                }
            }
        }
        return top.toList();
    }

    /**
     * Dot product with eight independent accumulators: the JIT does not vectorise a floating-point
     * reduction (it must keep the summation order), but independent chains let the CPU pipeline them.
     */
    static float dot(float[] query, float[] vectors, int offset, int dimension) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        int bound = dimension & ~7;
        for (; i < bound; i += 8) {
            int o = offset + i;
            s0 += query[i] * vectors[o];
            s1 += query[i + 1] * vectors[o + 1];
            s2 += query[i + 2] * vectors[o + 2];
            s3 += query[i + 3] * vectors[o + 3];
            s4 += query[i + 4] * vectors[o + 4];
            s5 += query[i + 5] * vectors[o + 5];
            s6 += query[i + 6] * vectors[o + 6];
            s7 += query[i + 7] * vectors[o + 7];
        }
        for (; i < dimension; i++) {
            s0 += query[i] * vectors[offset + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
