package dev.memoria.adapter.embedding.local;

import dev.memoria.adapter.embedding.UnitVectors;

import java.nio.FloatBuffer;

/** BGE's pooling: the hidden state of the first token ([CLS]) of each row, L2-normalised. */
final class ClsPooling {

    private ClsPooling() {
    }

    /**
     * @param hidden {@code last_hidden_state}, shape {@code [rows, length, dim]}, row-major
     */
    static float[][] pool(FloatBuffer hidden, TokenBatch batch, int dim) {
        float[][] out = new float[batch.rows()][];
        int length = batch.length();
        for (int r = 0; r < batch.rows(); r++) {
            float[] cls = new float[dim];
            int base = r * length * dim;
            for (int d = 0; d < dim; d++) {
                cls[d] = hidden.get(base + d);
            }
            out[r] = UnitVectors.normalizeInPlace(cls);
        }
        return out;
    }
}
