package dev.memoria.core.retrieval;

/**
 * One named step of retrieval. A stage reads the run (the query, its vector, the candidates so far) and adds
 * candidates or changes their scores; every change it makes to a candidate is recorded in that candidate's
 * trail under {@link #id()}, which is what explain shows.
 */
interface Stage {

    StageId id();

    void apply(RetrievalRun run);
}
