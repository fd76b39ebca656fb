package dev.memoria.core.retrieval;

/**
 * Puts an embedding model's cosine on a scale where 0 means "no more alike than unrelated text" and 1 means
 * identical. Raw cosines are not comparable across models: unrelated texts score about 0.04 under all-MiniLM-L6-v2
 * and about 0.70 under e5-small-v2, so the same fusion weight would let vectors decide under one model and barely
 * count under the other. Rescaling from the model's own unrelated baseline keeps the weights' meaning.
 *
 * @param unrelated the cosine a query and an unrelated text typically get (see
 *                  {@code EmbeddingPort#unrelatedSimilarity}); 0 leaves cosines as they are
 */
record SimilarityScale(double unrelated) {

    static final SimilarityScale RAW = new SimilarityScale(0);

    SimilarityScale {
        if (!(unrelated >= 0 && unrelated < 1)) {
            throw new IllegalArgumentException("unrelated similarity must be in [0, 1): " + unrelated);
        }
    }

    /** {@code max(0, (cosine − unrelated) / (1 − unrelated))}; 0 for a memory without a cosine (NaN). */
    double of(double cosine) {
        return Double.isNaN(cosine) ? 0 : Math.max(0, (cosine - unrelated) / (1 - unrelated));
    }
}
