package dev.memoria.core.retrieval;

import dev.memoria.core.confidence.ConfidenceDecay;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.RetrievalParams;

import java.time.Duration;
import java.time.Instant;

/**
 * One memory's hybrid score: a weighted sum of semantic similarity, keyword relevance, recency and
 * effective confidence. The reference service's weights (0.3/0.2/0.2/0.3 with {@code vec = 1/(1+L2)})
 * let age and confidence outweigh meaning; ours rank by meaning first — see docs/QUALITY.md for the
 * benchmark that chose these numbers.
 *
 * <p>{@code relevance} is the part that depends on the query (vector and keywords); the rest of {@code total}
 * describes the memory alone (recency, confidence).
 */
record HybridScore(double vector, double keyword, double temporal, double confidence, double relevance,
                   double total) {

    static final double VECTOR_WEIGHT = 0.55;
    static final double KEYWORD_WEIGHT = 0.25;
    static final double TEMPORAL_WEIGHT = 0.05;
    static final double CONFIDENCE_WEIGHT = 0.15;

    /** The share of the vector weight kept when the model is not trusted for the query's language. */
    static final double UNTRUSTED_VECTOR_SHARE = 0.4;

    /**
     * Added to the temporal weight for a query that asks about the current state: enough for a fresh memory to
     * overtake an equally relevant one from weeks ago that it contradicts, not enough to lift a fresh but
     * unrelated memory over a relevant one.
     */
    static final double CURRENT_STATE_TEMPORAL_BOOST = 0.3;

    /**
     * @param cosine     cosine similarity to the query, or NaN when the memory was not a vector candidate
     * @param similarity the embedding model's scale, so that {@code vector} means the same under every model
     * @param bm25       raw keyword relevance, 0 when not a keyword candidate
     * @param bestBm25   the best keyword relevance among all candidates (normalises bm25 to [0, 1])
     * @param traits     how far vector similarity can be trusted for this query, and whether it asks about the
     *                   present (see {@link QueryTraits})
     * @param timeline   where the candidates' own stated dates put them (see {@link StatedTimeline})
     */
    static HybridScore of(Memory memory, double cosine, SimilarityScale similarity, double bm25, double bestBm25,
                          RetrievalParams params, Instant now, QueryTraits traits, StatedTimeline timeline) {
        double vector = similarity.of(cosine);
        double keyword = bm25 <= 0 || bestBm25 <= 0 ? 0 : bm25 / bestBm25;
        Instant since = memory.observedAt() != null ? memory.observedAt() : memory.createdAt();
        double temporal = 0;
        if (since != null) {
            // seconds, not millis: toMillis overflows for instants stored far from now, and any stored instant must score
            double ageHours = Math.max(0, Duration.between(since, now).getSeconds() / 3_600.0);
            temporal = Math.exp(Math.max(-ageHours / params.temporalDecayHours(), -500));
        }
        if (traits.asksForCurrentState()) {
            // for a question about the present, a note's own date beats when it happened to be stored
            temporal = timeline.position(memory).orElse(temporal);
        }
        double confidence = ConfidenceDecay.effective(memory, now);
        double vectorWeight = VECTOR_WEIGHT
                * (UNTRUSTED_VECTOR_SHARE + (1 - UNTRUSTED_VECTOR_SHARE) * traits.vectorTrust());
        double temporalWeight = TEMPORAL_WEIGHT + (traits.asksForCurrentState() ? CURRENT_STATE_TEMPORAL_BOOST : 0);
        double relevance = vectorWeight * vector + KEYWORD_WEIGHT * keyword;
        double total = relevance + temporalWeight * temporal + CONFIDENCE_WEIGHT * confidence;
        return new HybridScore(vector, keyword, temporal, confidence, relevance, total);
    }
}
