package dev.memoria.ports.in;

import java.util.List;

/**
 * What a retrieval did: which stages ran, what they found, how long they took. The graph stage is associative
 * expansion: following names and lexical neighbours from the best results to related memories.
 */
public record RetrievalExplain(
        ExplainLevel level,
        String path,
        boolean vectorAttempted,
        boolean vectorHit,
        boolean fulltextAttempted,
        boolean fulltextHit,
        boolean graphAttempted,
        boolean graphHit,
        int graphCandidates,
        int resultCount,
        double embeddingMs,
        double vectorMs,
        double fulltextMs,
        double graphMs,
        double totalMs,
        List<CandidateScore> candidateScores) {
}
