package dev.memoria.ports.out;

import dev.memoria.ports.model.Memory;

/**
 * The operations available inside one {@link MemoryStore#write} transaction. Old row versions are never
 * rewritten: ending a memory closes its current version at this revision, and changing a memory ends the
 * current version and inserts a new one with the same id.
 */
public interface MemoryWriter {

    /** The revision this transaction writes. */
    long revision();

    /** Inserts a new active memory (its id must not be active on the branch). */
    void insert(Memory memory);

    /**
     * Ends the active version of a memory, recording who superseded it (null for a plain delete).
     *
     * @return false when the memory was not active on the branch
     */
    boolean end(String memoryId, String supersededBy);

    /** Replaces the active version of {@code memory.memoryId()} with {@code memory}; false when not active. */
    boolean replace(Memory memory);
}
