package dev.memoria.server.http;

import dev.memoria.ports.in.CandidateScore;
import dev.memoria.ports.in.RetrievalExplain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code explain} object of a retrieval, in the reference's field names; REST and MCP return the same one. */
public final class ExplainJson {

    private ExplainJson() {
    }

    public static Map<String, Object> of(RetrievalExplain e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("level", e.level().name().toLowerCase(Locale.ROOT));
        json.put("path", e.path());
        json.put("vector_attempted", e.vectorAttempted());
        json.put("vector_hit", e.vectorHit());
        json.put("fulltext_attempted", e.fulltextAttempted());
        json.put("fulltext_hit", e.fulltextHit());
        json.put("graph_attempted", e.graphAttempted());
        json.put("graph_hit", e.graphHit());
        json.put("graph_candidates", e.graphCandidates());
        json.put("result_count", e.resultCount());
        json.put("embedding_ms", e.embeddingMs());
        json.put("vector_ms", e.vectorMs());
        json.put("fulltext_ms", e.fulltextMs());
        json.put("graph_ms", e.graphMs());
        json.put("total_ms", e.totalMs());
        if (e.candidateScores() != null && !e.candidateScores().isEmpty()) {
            json.put("candidate_scores", e.candidateScores().stream().map(ExplainJson::candidate).toList());
        }
        return json;
    }

    private static Map<String, Object> candidate(CandidateScore c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("memory_id", c.memoryId());
        json.put("rank", c.rank());
        json.put("final_score", c.finalScore());
        json.put("vector_score", c.vectorScore());
        json.put("keyword_score", c.keywordScore());
        json.put("temporal_score", c.temporalScore());
        json.put("confidence_score", c.confidenceScore());
        json.put("trail", c.trail().stream().map(t -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("stage", t.stage());
            step.put("value", t.value());
            step.put("score", t.scoreAfter());
            return step;
        }).toList());
        return json;
    }
}
