package dev.memoria.core.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Turns each candidate's source signals into one relevance (see {@link Fusion}) and makes it the score. The
 * weights are {@link HybridScore}'s, so the three modes differ only in how a source's scores are put on a
 * common scale. Recency and confidence are left to {@link RecencyStage}.
 */
final class FusionStage implements Stage {

    /** The usual RRF constant: ranks 1 and 10 differ by ~14 %, so no single source's top hit dominates. */
    static final int RRF_K = 60;

    private final Fusion fusion;

    FusionStage(Fusion fusion) {
        this.fusion = fusion;
    }

    @Override
    public StageId id() {
        return StageId.FUSION;
    }

    @Override
    public void apply(RetrievalRun run) {
        List<Candidate> candidates = run.candidates();
        double bestBm25 = candidates.stream().mapToDouble(Candidate::bm25).max().orElse(0);
        StatedTimeline timeline = run.traits.asksForCurrentState()
                ? StatedTimeline.of(candidates.stream().map(Candidate::memory).toList()) : StatedTimeline.NONE;
        double vectorWeight = HybridScore.VECTOR_WEIGHT * (HybridScore.UNTRUSTED_VECTOR_SHARE
                + (1 - HybridScore.UNTRUSTED_VECTOR_SHARE) * run.traits.vectorTrust());
        ToDoubleFunction<Candidate> vector = scale(candidates, c -> run.similarity.of(c.cosine()),
                c -> !Double.isNaN(c.cosine()));
        ToDoubleFunction<Candidate> keyword = scale(candidates, Candidate::bm25, c -> c.bm25() > 0);
        for (Candidate c : candidates) {
            HybridScore base = HybridScore.of(c.memory(), c.cosine(), run.similarity, c.bm25(), bestBm25, run.params, run.now,
                    run.traits, timeline);
            c.base(base);
            double relevance = fusion == Fusion.WEIGHTED ? base.relevance()
                    : vectorWeight * vector.applyAsDouble(c) + HybridScore.KEYWORD_WEIGHT * keyword.applyAsDouble(c);
            c.relevance(relevance);
            c.rescore(id(), relevance);
        }
        run.resort();
    }

    /** A source's signal on a 0..1 scale shared by all sources, per the fusion mode (unused for WEIGHTED). */
    private ToDoubleFunction<Candidate> scale(List<Candidate> candidates, ToDoubleFunction<Candidate> raw,
                                              java.util.function.Predicate<Candidate> found) {
        List<Candidate> hits = new ArrayList<>(candidates.stream().filter(found).toList());
        if (fusion == Fusion.RRF) {
            hits.sort(Comparator.comparingDouble(raw).reversed().thenComparing(Candidate::memoryId));
            Map<String, Double> byId = new HashMap<>();
            for (int i = 0; i < hits.size(); i++) {
                byId.put(hits.get(i).memoryId(), (RRF_K + 1.0) / (RRF_K + i + 1.0));
            }
            return c -> byId.getOrDefault(c.memoryId(), 0.0);
        }
        double min = hits.stream().mapToDouble(raw).min().orElse(0);
        double max = hits.stream().mapToDouble(raw).max().orElse(0);
        return c -> {
            if (!found.test(c)) {
                return 0;
            }
            // a lone hit, or hits that all score the same, are as good as this source can say
            return max > min ? (raw.applyAsDouble(c) - min) / (max - min) : 1;
        };
    }
}
