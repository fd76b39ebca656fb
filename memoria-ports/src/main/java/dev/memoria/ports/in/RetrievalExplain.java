package dev.memoria.ports.in;

import java.util.List;

/** What a retrieval did: which stages ran, what they found, how long they took. */
public record RetrievalExplain(
        ExplainLevel level,
        String path,
        boolean vectorAttempted,
        boolean vectorHit,
        boolean fulltextAttempted,
        boolean fulltextHit,
        int resultCount,
        double embeddingMs,
        double vectorMs,
        double fulltextMs,
        double totalMs,
        List<CandidateScore> candidateScores) {
}
