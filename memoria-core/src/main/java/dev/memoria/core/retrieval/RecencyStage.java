package dev.memoria.core.retrieval;

/**
 * Adds recency and effective confidence to relevance (weights in {@link HybridScore}). Decay only orders: a memory
 * whose confidence has decayed to almost nothing is still returned when nothing better matches.
 */
final class RecencyStage implements Stage {

    @Override
    public StageId id() {
        return StageId.RECENCY;
    }

    @Override
    public void apply(RetrievalRun run) {
        for (Candidate c : run.candidates()) {
            HybridScore base = c.base();
            c.rescore(id(), c.score() + (base.total() - base.relevance()));
        }
        run.resort();
    }
}
