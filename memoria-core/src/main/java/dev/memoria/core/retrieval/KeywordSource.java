package dev.memoria.core.retrieval;

import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.out.MemorySearch;

/** Candidate source: BM25 over the full-text index, with the query as written. */
final class KeywordSource implements Stage {

    private final MemorySearch search;

    KeywordSource(MemorySearch search) {
        this.search = search;
    }

    @Override
    public StageId id() {
        return StageId.KEYWORD;
    }

    @Override
    public void apply(RetrievalRun run) {
        for (ScoredId hit : search.keyword(run.target.branch(), run.target.at(), run.text, run.filter, run.fetchK)) {
            run.found(hit.memoryId()).bm25(hit.score(), id());
        }
    }
}
