package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.BranchRef;
import org.apache.lucene.index.DirectoryReader;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable index of one branch: row arena, Lucene text index, memory id to slot map and the live set.
 * It is changed by one thread at a time (the cache entry's lock) and hands out immutable
 * {@link IndexSnapshot}s; see {@link CachedIndex} for why that split was chosen.
 */
final class BranchIndex implements Closeable {

    private final RowArena arena = new RowArena();
    private final TextIndex text;
    private final Map<String, Integer> slotById = new HashMap<>();
    private long[] live = new long[16];
    private int liveCount;
    /** Reader of the last published snapshot, held (own reference) so the next one can reuse its segments. */
    private DirectoryReader lastReader;

    private BranchIndex() {
        try {
            text = new TextIndex();
        } catch (IOException e) {
            throw new UncheckedIOException("creating an in-memory text index failed", e);
        }
    }

    /** Loads every row active on the branch at {@code revision}. */
    static BranchIndex build(IndexSource source, BranchRef branch, long revision) {
        BranchIndex index = new BranchIndex();
        try {
            source.forEachActive(branch, revision, index::upsert);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
        return index;
    }

    /**
     * Applies one batch of changes: removes every id reported as ended, then adds every version reported as
     * started (the last one per id wins), so a memory replaced under the same id ends with its new version.
     */
    void apply(List<IndexChange> changes) {
        Map<String, IndexRow> added = new LinkedHashMap<>();
        for (IndexChange change : changes) {
            if (!change.added()) {
                remove(change.row().memoryId());
            }
        }
        for (IndexChange change : changes) {
            if (change.added()) {
                added.put(change.row().memoryId(), change.row());
            }
        }
        added.values().forEach(this::upsert);
    }

    /** Slots still in the arena whose memory is no longer active; they cost memory and scan time. */
    int deadSlots() {
        return arena.size() - liveCount;
    }

    int liveCount() {
        return liveCount;
    }

    /** Freezes the current state as a snapshot labelled with {@code revision}; the snapshot owns one reference. */
    IndexSnapshot publish(long revision) {
        try {
            DirectoryReader reader = text.openReader(lastReader);
            reader.incRef(); // our own hold, released when the next snapshot is published or on close
            if (lastReader != null) {
                lastReader.decRef();
            }
            lastReader = reader;
            long[] liveCopy = Arrays.copyOf(live, wordsFor(arena.size()));
            return new IndexSnapshot(revision, arena.view(), liveCopy, liveCount, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("opening an in-memory index reader failed", e);
        }
    }

    private void upsert(IndexRow row) {
        String memoryId = row.memoryId();
        Integer previous = slotById.get(memoryId);
        int slot = arena.append(row);
        try {
            if (previous == null) {
                text.add(memoryId, slot, row.content());
            } else {
                clearLive(previous);
                text.upsert(memoryId, slot, row.content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing an in-memory text index failed", e);
        }
        slotById.put(memoryId, slot);
        setLive(slot);
    }

    private void remove(String memoryId) {
        Integer slot = slotById.remove(memoryId);
        if (slot == null) {
            return; // not active here: ending it is a no-op (e.g. added and ended within the range)
        }
        clearLive(slot);
        try {
            text.delete(memoryId);
        } catch (IOException e) {
            throw new UncheckedIOException("writing an in-memory text index failed", e);
        }
    }

    private void setLive(int slot) {
        int word = slot >>> 6;
        if (word >= live.length) {
            live = Arrays.copyOf(live, Math.max(word + 1, live.length * 2));
        }
        live[word] |= 1L << slot;
        liveCount++;
    }

    private void clearLive(int slot) {
        live[slot >>> 6] &= ~(1L << slot);
        liveCount--;
    }

    private static int wordsFor(int slots) {
        return (slots + 63) >>> 6;
    }

    /** Releases the writer and our reader hold; published snapshots stay searchable until released. */
    @Override
    public void close() {
        try {
            if (lastReader != null) {
                lastReader.decRef();
                lastReader = null;
            }
            text.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing an in-memory text index failed", e);
        }
    }
}
