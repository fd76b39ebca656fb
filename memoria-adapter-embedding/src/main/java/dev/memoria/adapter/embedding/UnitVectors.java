package dev.memoria.adapter.embedding;

/**
 * L2 normalisation. The core compares vectors with thresholds (dedup at L2 0.3162, graph similarity
 * {@code 1 - L2²/2}) that only mean something for unit vectors, so every provider normalises.
 */
public final class UnitVectors {

    private UnitVectors() {
    }

    /** Scales {@code v} in place to length 1 and returns it; a zero vector is returned unchanged. */
    public static float[] normalizeInPlace(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum == 0 || Double.isNaN(sum)) {
            return v;
        }
        float scale = (float) (1.0 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
