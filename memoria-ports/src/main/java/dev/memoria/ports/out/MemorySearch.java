package dev.memoria.ports.out;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.ScoredId;

import java.util.List;

/**
 * Candidate generation for retrieval over the active memories of a branch (or a past revision of it).
 * Scores are stage-specific: the core combines them.
 */
public interface MemorySearch {

    /**
     * The {@code k} memories nearest to {@code query}, best first.
     *
     * @return hits scored by cosine similarity in [-1, 1]
     */
    List<ScoredId> nearest(BranchRef branch, ReadPoint at, float[] query, MemoryFilter filter, int k);

    /**
     * The {@code k} best keyword matches of {@code query} (any word may match), best first.
     *
     * @return hits scored by a BM25-like relevance (> 0)
     */
    List<ScoredId> keyword(BranchRef branch, ReadPoint at, String query, MemoryFilter filter, int k);
}
