package dev.memoria.adapter.embedding.local;

import java.util.Arrays;
import java.util.List;

/**
 * Token ids of several texts padded to the longest one, flattened row-major as ONNX Runtime wants
 * them ({@code [rows, length]}). Padding positions have id 0 and attention mask 0, so they change
 * neither the attention nor (see {@link MeanPooling}) the pooled vector.
 */
record TokenBatch(int rows, int length, long[] inputIds, long[] attentionMask, long[] tokenTypeIds) {

    static TokenBatch pad(List<long[]> ids) {
        int rows = ids.size();
        int length = 0;
        for (long[] row : ids) {
            length = Math.max(length, row.length);
        }
        long[] inputIds = new long[rows * length];
        long[] mask = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            long[] row = ids.get(r);
            System.arraycopy(row, 0, inputIds, r * length, row.length);
            Arrays.fill(mask, r * length, r * length + row.length, 1L);
        }
        // Single-segment input: every token type is 0, padding included.
        return new TokenBatch(rows, length, inputIds, mask, new long[rows * length]);
    }

    long[] shape() {
        return new long[] {rows, length};
    }
}
