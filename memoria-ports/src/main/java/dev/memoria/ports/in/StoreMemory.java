package dev.memoria.ports.in;

import dev.memoria.ports.model.Memory;

import java.util.List;

/** Use case: remember something. */
public interface StoreMemory {

    /**
     * Stores one memory with sensitive-data screening and write-time dedup: identical content returns the
     * existing memory, near-identical content supersedes it.
     */
    Memory store(StoreCommand command);

    /** Stores up to 100 memories atomically (no dedup); all-or-nothing. */
    List<Memory> storeBatch(Caller caller, List<StoreCommand> commands);
}
