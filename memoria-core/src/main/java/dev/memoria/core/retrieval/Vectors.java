package dev.memoria.core.retrieval;

/** Arithmetic on embeddings. */
final class Vectors {

    private Vectors() {
    }

    /**
     * The dot product (the cosine, for the unit vectors embedders return); NaN when either is missing or their
     * sizes differ (a memory embedded by another model).
     */
    static double dot(float[] a, float[] b) {
        if (a == null || b == null || a.length != b.length) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
