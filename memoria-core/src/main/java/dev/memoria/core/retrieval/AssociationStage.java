package dev.memoria.core.retrieval;

import dev.memoria.ports.model.FeedbackCounts;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.out.FeedbackStore;
import dev.memoria.ports.out.MemorySearch;
import dev.memoria.ports.out.MemoryStore;

import java.util.List;
import java.util.Map;

/**
 * Candidate source by entity association: adds or lifts the memories the best results lead to by shared names
 * (see {@link AssociativeExpansion}). It stands in for meaning where vectors cannot: its strength is what the
 * query's vector trust leaves, so for text the embedding model handles well the ranking is left to the vectors.
 */
final class AssociationStage implements Stage {

    /** Below this strength association passes on too little to change a ranking; it is skipped. */
    static final double MIN_STRENGTH = 0.2;

    private final AssociativeExpansion expansion;
    private final FeedbackStore feedback;
    private final boolean withFeedback;

    /** @param withFeedback whether memories association brings in are scaled by feedback, like the others were */
    AssociationStage(MemoryStore store, MemorySearch search, FeedbackStore feedback, boolean withFeedback) {
        this.expansion = new AssociativeExpansion(store, search);
        this.feedback = feedback;
        this.withFeedback = withFeedback;
    }

    @Override
    public StageId id() {
        return StageId.ASSOCIATION;
    }

    @Override
    public void apply(RetrievalRun run) {
        double strength = 1 - run.traits.vectorTrust();
        List<Candidate> ranked = run.ranked();
        if (ranked.isEmpty() || strength < MIN_STRENGTH) {
            return;
        }
        var seeds = ranked.stream().map(c -> new AssociativeExpansion.Scored(c.memory(), c.score())).toList();
        Map<String, AssociativeExpansion.Reached> reached = expansion.expand(run.target, run.filter, run.text, seeds,
                strength, memory -> {
                    Candidate known = run.get(memory.memoryId());
                    return known != null ? known.score() : ownScore(run, memory).total();
                });
        run.associated(reached.size());
        if (reached.isEmpty()) {
            return;
        }
        Map<String, FeedbackCounts> counts = withFeedback ? feedback.countsByMemory(run.userId, reached.keySet())
                : Map.of();
        for (AssociativeExpansion.Reached r : reached.values()) {
            String memoryId = r.memory().memoryId();
            Candidate known = run.get(memoryId);
            if (known == null) {
                Candidate added = run.add(r.memory());
                HybridScore base = ownScore(run, r.memory());
                added.base(base);
                added.relevance(base.relevance());
                added.rescore(id(), r.combined() * FeedbackMultiplier.of(counts.get(memoryId),
                        run.params.feedbackWeight()));
            } else if (r.combined() > known.score()) {
                known.rescore(id(), r.combined());
            }
        }
        run.resort();
    }

    /** A reached memory's own score: its cosine (when there is a query vector), no keyword match. */
    private static HybridScore ownScore(RetrievalRun run, Memory memory) {
        double cosine = run.vector != null ? Vectors.dot(run.vector, memory.embedding()) : Double.NaN;
        return HybridScore.of(memory, cosine, run.similarity, 0, 1, run.params, run.now, run.traits, StatedTimeline.NONE);
    }
}
