package dev.memoria.ports.in;

import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryPage;
import dev.memoria.ports.model.PageRequest;

import java.util.List;
import java.util.Optional;

/** Use case: read memories without ranking by meaning. */
public interface BrowseMemories {

    MemoryPage list(Caller caller, MemoryFilter filter, PageRequest page, AsOf asOf);

    Optional<Memory> get(Caller caller, String memoryId);

    /** The correction chain of a memory (found even when no longer active); NotFound when it never existed. */
    MemoryHistory history(Caller caller, String memoryId);

    /** Keyword-only search ranked by the full-text score. */
    List<ScoredMemory> fulltext(Caller caller, String query, MemoryFilter filter, int limit);

    Profile profile(Caller caller, String subjectId);
}
