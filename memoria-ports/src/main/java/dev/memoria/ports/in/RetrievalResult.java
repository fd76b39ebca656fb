package dev.memoria.ports.in;

import java.util.List;

/** Retrieved memories, best first, and (when asked for) how they were found. */
public record RetrievalResult(List<ScoredMemory> memories, RetrievalExplain explain) {

    public RetrievalResult {
        memories = List.copyOf(memories);
    }
}
