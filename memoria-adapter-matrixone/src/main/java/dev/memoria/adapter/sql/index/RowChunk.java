package dev.memoria.adapter.sql.index;

import java.util.Map;

/**
 * A fixed-size block of row slots stored column by column (parallel primitive and reference arrays), so
 * that a vector scan walks one contiguous {@code float[]} and filter checks read small arrays.
 *
 * <p>Slots are written exactly once, by the single writer of the owning {@link RowArena}, before the
 * snapshot that first includes them is published through a volatile field; readers only look at slots
 * below their snapshot's slot count, so later appends into the same chunk are never observed by them.
 */
final class RowChunk {

    static final int BITS = 10;
    static final int SIZE = 1 << BITS;
    static final int MASK = SIZE - 1;

    final String[] memoryIds = new String[SIZE];
    final String[] sessionIds = new String[SIZE];
    final String[] subjectIds = new String[SIZE];
    final byte[] memoryTypes = new byte[SIZE];
    final byte[] trustTiers = new byte[SIZE];
    @SuppressWarnings({"unchecked", "rawtypes"})
    final Map<String, Object>[] metadata = new Map[SIZE];
    /** True when the slot has a vector in {@link #vectors}; checked before {@link #vectors} is read. */
    final boolean[] hasVector = new boolean[SIZE];
    /** SIZE x dimension floats, allocated when the first vector of the chunk arrives. */
    float[] vectors;
}
