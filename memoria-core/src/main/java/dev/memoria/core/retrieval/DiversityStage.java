package dev.memoria.core.retrieval;

/**
 * Reorders the top of the ranking by maximal marginal relevance (see {@link Diversity}). Similarity between
 * memories comes from their embeddings, so this runs only where the model is trusted for the query's language.
 */
final class DiversityStage implements Stage {

    @Override
    public StageId id() {
        return StageId.DIVERSITY;
    }

    @Override
    public void apply(RetrievalRun run) {
        if (run.traits.vectorTrust() < 1 || run.empty()) {
            return;
        }
        run.reorder(Diversity.reorder(run.ranked(), run.topK, Candidate::score, c -> c.memory().embedding()));
    }
}
