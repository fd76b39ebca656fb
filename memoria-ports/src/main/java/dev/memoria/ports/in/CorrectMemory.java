package dev.memoria.ports.in;

import dev.memoria.ports.model.Memory;

/** Use case: replace what a memory says. The old memory ends, superseded by a new T2 memory. */
public interface CorrectMemory {

    Memory correct(Caller caller, String memoryId, String newContent);

    /** Corrects the best match of {@code query}; NotFound ("No matching memory found") when nothing matches. */
    Memory correctByQuery(RetrieveQuery query, String newContent);
}
