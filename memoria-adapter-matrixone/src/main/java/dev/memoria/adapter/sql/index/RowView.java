package dev.memoria.adapter.sql.index;

/**
 * The rows of an {@link RowArena} as they were when a snapshot was published.
 *
 * @param chunks    the arena's chunk references at that moment (a private copy of the small array)
 * @param size      number of slots written; slots at or beyond it are invisible to this view
 * @param dimension vector dimension, or -1 when no row has an embedding
 */
record RowView(RowChunk[] chunks, int size, int dimension) {

    String memoryId(int slot) {
        return chunks[slot >>> RowChunk.BITS].memoryIds[slot & RowChunk.MASK];
    }
}
