package dev.memoria.core.retrieval;

import java.util.List;

/**
 * Drops results whose relevance to the query is a small fraction of the best one's: with few relevant memories
 * they only fill the list up to {@code top_k} (an agent then reads unrelated notes as context). Applies where the
 * ranking is by each memory's own relevance; a memory reached by association has little of its own. Without this
 * stage the pipeline still returns at most {@code top_k}.
 */
final class CutoffStage implements Stage {

    /** Results below this share of the best result's relevance are filler. */
    static final double MIN_RELATIVE_RELEVANCE = 0.25;

    @Override
    public StageId id() {
        return StageId.CUTOFF;
    }

    @Override
    public void apply(RetrievalRun run) {
        if (run.traits.vectorTrust() < 1 || run.empty()) {
            return;
        }
        List<Candidate> top = run.ranked().subList(0, Math.min(run.topK, run.ranked().size()));
        double best = top.stream().mapToDouble(Candidate::relevance).max().orElse(0);
        run.reorder(top.stream().filter(c -> c.relevance() >= MIN_RELATIVE_RELEVANCE * best).toList());
    }
}
