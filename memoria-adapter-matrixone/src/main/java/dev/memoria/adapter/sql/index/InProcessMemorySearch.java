package dev.memoria.adapter.sql.index;

import dev.memoria.ports.error.StorageException;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.out.MemorySearch;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Candidate generation from an in-process index per (user, branch, revision), fed by an {@link IndexSource}.
 *
 * <p>At HEAD every call asks the source for the branch's head revision (one cheap query) and serves from the
 * cached index of exactly that revision, bringing a cached older revision forward with the changes in
 * between; so writes made by any server instance are seen on the next call. A past {@link ReadPoint} gets an
 * index of exactly that revision, built once and immutable. Entries are bounded by an LRU of
 * {@code maxCachedBranches}. Thread-safe: see {@link CachedIndex} for the concurrency design.
 */
public final class InProcessMemorySearch implements MemorySearch {

    private final IndexSource source;
    private final IndexCache cache;

    public InProcessMemorySearch(IndexSource source, int maxCachedBranches) {
        this.source = Objects.requireNonNull(source, "source");
        this.cache = new IndexCache(maxCachedBranches);
    }

    @Override
    public List<ScoredId> nearest(BranchRef branch, ReadPoint at, float[] query, MemoryFilter filter, int k) {
        if (k <= 0 || query == null || query.length == 0) {
            return List.of();
        }
        RowFilter rowFilter = RowFilter.of(filter);
        return withSnapshot(branch, at, snapshot -> VectorSearch.nearest(snapshot, query, rowFilter, k));
    }

    @Override
    public List<ScoredId> keyword(BranchRef branch, ReadPoint at, String query, MemoryFilter filter, int k) {
        if (k <= 0 || query == null || query.isBlank()) {
            return List.of();
        }
        RowFilter rowFilter = RowFilter.of(filter);
        return withSnapshot(branch, at, snapshot -> KeywordSearch.search(snapshot, query, rowFilter, k));
    }

    int cachedEntries() {
        return cache.size();
    }

    private <T> T withSnapshot(BranchRef branch, ReadPoint at, Function<IndexSnapshot, T> search) {
        Objects.requireNonNull(branch, "branch");
        IndexSnapshot snapshot;
        try {
            snapshot = acquire(branch, at == null ? ReadPoint.HEAD : at);
        } catch (UncheckedIOException e) {
            throw new StorageException("search_index_failed", "building the search index failed", e);
        }
        try {
            return search.apply(snapshot);
        } catch (UncheckedIOException e) {
            throw new StorageException("search_index_failed", "searching the index failed", e);
        } finally {
            snapshot.release();
        }
    }

    private IndexSnapshot acquire(BranchRef branch, ReadPoint at) {
        if (at.isHead()) {
            long head = source.headRevision(branch);
            while (true) {
                IndexSnapshot snapshot = cache.obtain(CacheKey.head(branch)).acquireHead(source, head);
                if (snapshot != null) {
                    return snapshot;
                }
                // evicted between lookup and use: look up (and build) again
            }
        }
        long revision = at.revision();
        while (true) {
            // The head entry may sit exactly at the wanted revision (a snapshot just taken): reuse it.
            CachedIndex headEntry = cache.find(CacheKey.head(branch));
            if (headEntry != null) {
                IndexSnapshot snapshot = headEntry.tryAcquireExactly(revision);
                if (snapshot != null) {
                    return snapshot;
                }
            }
            IndexSnapshot snapshot = cache.obtain(CacheKey.at(branch, revision)).acquirePast(source, revision);
            if (snapshot != null) {
                return snapshot;
            }
        }
    }
}
