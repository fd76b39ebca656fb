package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.ScoredId;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** BM25 keyword search over a snapshot's Lucene reader, filtered by the row filter, raw scores best first. */
final class KeywordSearch {

    private KeywordSearch() {
    }

    static List<ScoredId> search(IndexSnapshot snapshot, String text, RowFilter filter, int k) {
        Query query = KeywordQuery.build(text);
        if (query == null || snapshot.liveCount() == 0) {
            return List.of();
        }
        try {
            IndexSearcher searcher = snapshot.searcher();
            // totalHitsThreshold = k: we never report a total, so Lucene may skip non-competitive docs.
            TopScoreDocCollectorManager top = new TopScoreDocCollectorManager(Math.min(k, snapshot.liveCount()), k);
            TopDocs hits = searcher.search(query, FilteringCollector.wrap(top, snapshot, filter));
            return toScoredIds(searcher, snapshot, hits.scoreDocs);
        } catch (IOException e) {
            throw new UncheckedIOException("searching an in-memory index failed", e);
        }
    }

    /** Resolves hits to memory ids through the slot doc value (visited in doc order, as doc values need). */
    private static List<ScoredId> toScoredIds(IndexSearcher searcher, IndexSnapshot snapshot, ScoreDoc[] hits)
            throws IOException {
        ScoreDoc[] byDoc = hits.clone();
        Arrays.sort(byDoc, Comparator.comparingInt(hit -> hit.doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<ScoredId> result = new ArrayList<>(hits.length);
        int currentLeaf = -1;
        NumericDocValues slots = null;
        for (ScoreDoc hit : byDoc) {
            int leafIndex = ReaderUtil.subIndex(hit.doc, leaves);
            LeafReaderContext leaf = leaves.get(leafIndex);
            if (leafIndex != currentLeaf) {
                currentLeaf = leafIndex;
                slots = DocValues.getNumeric(leaf.reader(), TextIndex.SLOT_FIELD);
            }
            if (slots.advanceExact(hit.doc - leaf.docBase)) {
                String memoryId = snapshot.rows().memoryId((int) slots.longValue());
                result.add(new ScoredId(memoryId, hit.score));
            }
        }
        result.sort(Comparator.comparingDouble(ScoredId::score).reversed().thenComparing(ScoredId::memoryId));
        return result;
    }
}
