package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.BranchRef;

/**
 * Identifies a cache entry: a user's branch (BranchRef carries the user) and a revision.
 *
 * @param revision a fixed past revision, or null for the entry that follows the branch head. The head entry
 *                 is keyed without its revision on purpose: advancing it replaces the old revision instead of
 *                 piling one entry per write into the LRU (each would pin 150 MB at 100k rows).
 */
record CacheKey(BranchRef branch, Long revision) {

    static CacheKey head(BranchRef branch) {
        return new CacheKey(branch, null);
    }

    static CacheKey at(BranchRef branch, long revision) {
        return new CacheKey(branch, revision);
    }
}
