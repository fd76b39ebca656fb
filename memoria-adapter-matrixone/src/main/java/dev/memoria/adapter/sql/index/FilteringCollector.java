package dev.memoria.adapter.sql.index;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Passes to a delegate collector only the hits whose row is live and passes the {@link RowFilter}, so the
 * filter is applied during the search (top-k still returns k matching rows, not k hits minus the filtered
 * ones). The filter reads the same arena columns as vector search, which keeps MemoryFilter semantics in one
 * place instead of re-encoding every field (and JSON metadata) as Lucene fields.
 *
 * <p>Early termination stays correct: the delegate only raises its minimum competitive score from hits that
 * passed the filter, so any hit it lets Lucene skip could not have entered the top k.
 */
final class FilteringCollector<C extends Collector> implements Collector {

    private final C delegate;
    private final IndexSnapshot snapshot;
    private final RowFilter filter;

    FilteringCollector(C delegate, IndexSnapshot snapshot, RowFilter filter) {
        this.delegate = delegate;
        this.snapshot = snapshot;
        this.filter = filter;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        LeafCollector leaf = delegate.getLeafCollector(context);
        NumericDocValues slots = DocValues.getNumeric(context.reader(), TextIndex.SLOT_FIELD);
        RowChunk[] chunks = snapshot.rows().chunks();
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) throws IOException {
                leaf.setScorer(scorer);
            }

            @Override
            public void collect(int doc) throws IOException {
                // Docs arrive in increasing order within a leaf, as advanceExact requires.
                if (!slots.advanceExact(doc)) {
                    return;
                }
                int slot = (int) slots.longValue();
                if (snapshot.isLive(slot)
                        && filter.test(chunks[slot >>> RowChunk.BITS], slot & RowChunk.MASK)) {
                    leaf.collect(doc);
                }
            }

            @Override
            public void finish() throws IOException {
                leaf.finish();
            }
        };
    }

    C delegate() {
        return delegate;
    }

    /** Wraps every collector of {@code inner}; the reduction unwraps them again. */
    static <C extends Collector, T> CollectorManager<FilteringCollector<C>, T> wrap(
            CollectorManager<C, T> inner, IndexSnapshot snapshot, RowFilter filter) {
        return new CollectorManager<>() {
            @Override
            public FilteringCollector<C> newCollector() throws IOException {
                return new FilteringCollector<>(inner.newCollector(), snapshot, filter);
            }

            @Override
            public T reduce(Collection<FilteringCollector<C>> collectors) throws IOException {
                List<C> unwrapped = new ArrayList<>(collectors.size());
                collectors.forEach(collector -> unwrapped.add(collector.delegate()));
                return inner.reduce(unwrapped);
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return delegate.scoreMode();
    }
}
