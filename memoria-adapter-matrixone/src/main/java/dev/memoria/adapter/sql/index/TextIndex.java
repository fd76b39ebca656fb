package dev.memoria.adapter.sql.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.Closeable;
import java.io.IOException;

/**
 * The Lucene half of a branch index: an in-memory index of the content, one document per row slot, with the
 * memory id as a delete/update key and the slot as a doc value (how a hit finds its row in the arena).
 *
 * <p>Why a real Lucene index rather than Lucene analyzers plus home-made postings: deletes/updates by id and
 * near-real-time readers give exactly the incremental, point-in-time behaviour the cache needs (a reader
 * opened for revision R never sees later changes), and Lucene's BM25 with block-max WAND is fast enough
 * (see the benchmark). Merges run in the writing thread ({@link SerialMergeScheduler}) so that thousands of
 * cached branches do not mean thousands of background merge threads.
 *
 * <p>Not thread-safe for writes: one writer, the owning {@link BranchIndex}. Readers are independent.
 */
final class TextIndex implements Closeable {

    static final String ID_FIELD = "id";
    static final String SLOT_FIELD = "slot";

    /**
     * Term frequencies and norms are all BM25 needs; without positions (no phrase queries here) indexing is
     * faster and the index smaller.
     */
    private static final FieldType CONTENT_TYPE = contentType();

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final Document document = new Document();
    private final StringField idField = new StringField(ID_FIELD, "", Field.Store.NO);
    private final Field contentField = new Field(KeywordQuery.FIELD, "", CONTENT_TYPE);
    private final NumericDocValuesField slotField = new NumericDocValuesField(SLOT_FIELD, 0L);

    TextIndex() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(TextAnalyzers.INDEX)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(new BM25Similarity())
                .setMergeScheduler(new SerialMergeScheduler())
                .setCommitOnClose(false)
                // compound files only save file handles, which an in-memory directory does not have
                .setUseCompoundFile(false)
                // a refresh must not wait for merges of the tiny segments it just flushed
                .setMaxFullFlushMergeWaitMillis(0)
                .setRAMBufferSizeMB(32);
        writer = new IndexWriter(directory, config);
        // Documents are reused field by field: the single writer thread owns them.
        document.add(idField);
        document.add(contentField);
        document.add(slotField);
    }

    void add(String memoryId, int slot, String content) throws IOException {
        fill(memoryId, slot, content);
        writer.addDocument(document);
    }

    /** Replaces any earlier document of this memory id (a replace keeps the id). */
    void upsert(String memoryId, int slot, String content) throws IOException {
        fill(memoryId, slot, content);
        writer.updateDocument(new Term(ID_FIELD, memoryId), document);
    }

    void delete(String memoryId) throws IOException {
        writer.deleteDocuments(new Term(ID_FIELD, memoryId));
    }

    /**
     * A point-in-time reader over everything written so far. Passing the previous reader reuses its
     * unchanged segments; when nothing changed the previous reader gets an extra reference instead.
     */
    DirectoryReader openReader(DirectoryReader previous) throws IOException {
        if (previous == null) {
            return DirectoryReader.open(writer);
        }
        DirectoryReader changed = DirectoryReader.openIfChanged(previous, writer);
        if (changed != null) {
            return changed;
        }
        previous.incRef();
        return previous;
    }

    private static FieldType contentType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    private void fill(String memoryId, int slot, String content) {
        idField.setStringValue(memoryId);
        contentField.setStringValue(content == null ? "" : content);
        slotField.setLongValue(slot);
    }

    /**
     * Closes the writer. Readers already opened stay usable: a {@link ByteBuffersDirectory} file that is
     * deleted keeps its bytes for the inputs that were opened on it.
     */
    @Override
    public void close() throws IOException {
        writer.close();
    }
}
