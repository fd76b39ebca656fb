package dev.memoria.core.retrieval;

import dev.memoria.ports.in.StageContribution;
import dev.memoria.ports.model.Memory;

import java.util.ArrayList;
import java.util.List;

/**
 * One memory under consideration during a single retrieval, with the signals the sources found for it, its
 * score as the stages change it and the trail of those changes. Mutable, and confined to the run that made it.
 */
final class Candidate {

    private final String memoryId;
    private Memory memory;
    private double cosine = Double.NaN;
    private double bm25;
    private HybridScore base;
    private double relevance;
    private double score;
    private final List<StageContribution> trail = new ArrayList<>();

    Candidate(String memoryId) {
        this.memoryId = memoryId;
    }

    String memoryId() {
        return memoryId;
    }

    Memory memory() {
        return memory;
    }

    void memory(Memory value) {
        this.memory = value;
    }

    /** Cosine similarity to the query, NaN when the vector source did not find this memory. */
    double cosine() {
        return cosine;
    }

    void cosine(double value, StageId source) {
        this.cosine = value;
        trail.add(new StageContribution(source.id(), value, score));
    }

    /** Raw BM25 relevance, 0 when the keyword source did not find this memory. */
    double bm25() {
        return bm25;
    }

    void bm25(double value, StageId source) {
        this.bm25 = value;
        trail.add(new StageContribution(source.id(), value, score));
    }

    /** The four base signals (see {@link HybridScore}); null until fusion has run. */
    HybridScore base() {
        return base;
    }

    void base(HybridScore value) {
        this.base = value;
    }

    /** The query-dependent part of the score, as fusion set it. */
    double relevance() {
        return relevance;
    }

    void relevance(double value) {
        this.relevance = value;
    }

    double score() {
        return score;
    }

    /** Sets the score and records the change under {@code stage}; a stage that changes nothing leaves no trace. */
    void rescore(StageId stage, double value) {
        if (value != score) {
            trail.add(new StageContribution(stage.id(), value - score, value));
            score = value;
        }
    }

    List<StageContribution> trail() {
        return List.copyOf(trail);
    }
}
