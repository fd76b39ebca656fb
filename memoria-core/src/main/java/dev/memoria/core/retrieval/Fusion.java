package dev.memoria.core.retrieval;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the candidate sources' signals become one relevance. A raw weighted sum lets the scale of one source
 * decide: cosines of unrelated text sit around 0.2–0.4 while BM25 is divided by the best hit, so a single word
 * match can outweigh meaning. The other two put every source on the same footing first.
 */
public enum Fusion {
    /** {@code w_v·cosine + w_k·bm25/best_bm25}: the original formula. */
    WEIGHTED("weighted"),
    /** Each source's scores min-max normalised over its own candidates, then weighted. */
    MIN_MAX("minmax"),
    /** Reciprocal-rank fusion: {@code Σ w_s · (k+1)/(k+rank_s)}, k = 60; only ranks matter, not scales. */
    RRF("rrf");

    private final String id;

    Fusion(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Fusion> byId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }
}
