package dev.memoria.adapter.sql.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The searchable state of a branch at one revision: a view of the row arena, the set of live slots and a
 * Lucene reader, all frozen when published. Searches run on a snapshot without any lock.
 *
 * <p>Lifetime is the Lucene reader's reference count: the cache entry owns one reference, every search
 * takes one for its duration ({@link #tryAcquire}/{@link #release}). When the entry moves to a newer
 * revision or is evicted it drops its reference, and the reader closes once the last search finishes.
 */
final class IndexSnapshot {

    private final long revision;
    private final RowView rows;
    private final long[] live;
    private final int liveCount;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    IndexSnapshot(long revision, RowView rows, long[] live, int liveCount, DirectoryReader reader) {
        this.revision = revision;
        this.rows = rows;
        this.live = live;
        this.liveCount = liveCount;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
        this.searcher.setQueryCache(null); // one-off term queries: caching would only cost memory
    }

    long revision() {
        return revision;
    }

    RowView rows() {
        return rows;
    }

    int liveCount() {
        return liveCount;
    }

    boolean isLive(int slot) {
        return (live[slot >>> 6] & (1L << slot)) != 0;
    }

    /** The live bit words; slot s is bit {@code s & 63} of word {@code s >>> 6}. Never modified. */
    long[] liveWords() {
        return live;
    }

    IndexSearcher searcher() {
        return searcher;
    }

    /** Takes a reference for one search; false when the snapshot has already been retired and closed. */
    boolean tryAcquire() {
        return reader.tryIncRef();
    }

    void release() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException("closing an in-memory index reader failed", e);
        }
    }
}
