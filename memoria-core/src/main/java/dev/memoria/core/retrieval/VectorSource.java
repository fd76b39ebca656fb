package dev.memoria.core.retrieval;

import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.out.MemorySearch;

/** Candidate source: the memories nearest to the query's embedding (nothing without a query vector). */
final class VectorSource implements Stage {

    private final MemorySearch search;

    VectorSource(MemorySearch search) {
        this.search = search;
    }

    @Override
    public StageId id() {
        return StageId.VECTOR;
    }

    @Override
    public void apply(RetrievalRun run) {
        if (run.vector == null) {
            return;
        }
        for (ScoredId hit : search.nearest(run.target.branch(), run.target.at(), run.vector, run.filter, run.fetchK)) {
            run.found(hit.memoryId()).cosine(hit.score(), id());
        }
    }
}
