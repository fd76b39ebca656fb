package dev.memoria.adapter.embedding.local;

import dev.memoria.adapter.embedding.UnitVectors;

import java.nio.FloatBuffer;

/**
 * sentence-transformers' pooling for MiniLM: the average of the token vectors weighted by the
 * attention mask (so padding does not count), then L2 normalisation.
 */
final class MeanPooling {

    private MeanPooling() {
    }

    /**
     * @param hidden {@code last_hidden_state}, shape {@code [rows, length, dim]}, row-major
     */
    static float[][] pool(FloatBuffer hidden, TokenBatch batch, int dim) {
        float[][] out = new float[batch.rows()][];
        long[] mask = batch.attentionMask();
        int length = batch.length();
        for (int r = 0; r < batch.rows(); r++) {
            float[] sum = new float[dim];
            int tokens = 0;
            for (int t = 0; t < length; t++) {
                if (mask[r * length + t] == 0) {
                    continue;
                }
                tokens++;
                int base = (r * length + t) * dim;
                for (int d = 0; d < dim; d++) {
                    sum[d] += hidden.get(base + d);
                }
            }
            // Dividing by the token count does not change the direction, but it keeps the
            // intermediate identical to sentence-transformers before normalisation.
            float inv = 1f / Math.max(tokens, 1);
            for (int d = 0; d < dim; d++) {
                sum[d] *= inv;
            }
            out[r] = UnitVectors.normalizeInPlace(sum);
        }
        return out;
    }
}
