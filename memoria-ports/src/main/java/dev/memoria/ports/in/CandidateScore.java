package dev.memoria.ports.in;

/** How one retrieved memory's score was composed (explain verbose/analyze). */
public record CandidateScore(String memoryId, int rank, double finalScore, double vectorScore, double keywordScore,
                             double temporalScore, double confidenceScore) {
}
