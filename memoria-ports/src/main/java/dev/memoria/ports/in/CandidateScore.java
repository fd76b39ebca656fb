package dev.memoria.ports.in;

import java.util.List;

/**
 * How one retrieved memory's score was composed (explain verbose/analyze): the four base signals and the
 * trail of every stage that touched it, in pipeline order.
 */
public record CandidateScore(String memoryId, int rank, double finalScore, double vectorScore, double keywordScore,
                             double temporalScore, double confidenceScore, List<StageContribution> trail) {

    public CandidateScore {
        trail = trail == null ? List.of() : List.copyOf(trail);
    }
}
