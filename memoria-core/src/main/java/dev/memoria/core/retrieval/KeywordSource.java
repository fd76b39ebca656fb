package dev.memoria.core.retrieval;

import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.out.MemorySearch;

/** Candidate source: BM25 over the full-text index, optionally with acronyms expanded (see {@link Acronyms}). */
final class KeywordSource implements Stage {

    private final MemorySearch search;
    private final boolean expandAcronyms;

    KeywordSource(MemorySearch search, boolean expandAcronyms) {
        this.search = search;
        this.expandAcronyms = expandAcronyms;
    }

    @Override
    public StageId id() {
        return StageId.KEYWORD;
    }

    @Override
    public void apply(RetrievalRun run) {
        String text = expandAcronyms ? Acronyms.expand(run.text) : run.text;
        for (ScoredId hit : search.keyword(run.target.branch(), run.target.at(), text, run.filter, run.fetchK)) {
            run.found(hit.memoryId()).bm25(hit.score(), id());
        }
    }
}
