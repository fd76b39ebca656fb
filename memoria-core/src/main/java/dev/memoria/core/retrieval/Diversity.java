package dev.memoria.core.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Maximal marginal relevance: the top k are picked one at a time, each time the candidate whose score minus
 * {@link #WEIGHT} times its closest embedding similarity to those already picked is highest. Two notes saying nearly
 * the same thing then leave room for a third that adds something, which is what an agent's context needs.
 */
final class Diversity {

    /** How much similarity to an already chosen result costs a candidate; 0.2–0.3 measure alike, 0.1 does nothing. */
    static final double WEIGHT = 0.25;
    /** This many times k of the best candidates are reordered; the rest keep their order. */
    static final int WINDOW = 4;

    private Diversity() {
    }

    /**
     * @param ranked     candidates, best first
     * @param score      a candidate's score
     * @param embedding  a candidate's embedding, or null when it has none (it then counts as unlike the others)
     */
    static <T> List<T> reorder(List<T> ranked, int k, ToDoubleFunction<T> score, Function<T, float[]> embedding) {
        int window = Math.min(ranked.size(), WINDOW * k);
        List<T> pool = new ArrayList<>(ranked.subList(0, window));
        List<T> chosen = new ArrayList<>(k);
        while (!pool.isEmpty() && chosen.size() < k) {
            T best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (T candidate : pool) {
                double marginal = score.applyAsDouble(candidate)
                        - WEIGHT * closestSimilarity(embedding.apply(candidate), chosen, embedding);
                if (marginal > bestScore) {
                    bestScore = marginal;
                    best = candidate;
                }
            }
            chosen.add(best);
            pool.remove(best);
        }
        List<T> out = new ArrayList<>(ranked.size());
        out.addAll(chosen);
        out.addAll(pool);
        out.addAll(ranked.subList(window, ranked.size()));
        return out;
    }

    private static <T> double closestSimilarity(float[] vector, List<T> chosen, Function<T, float[]> embedding) {
        if (vector == null) {
            return 0;
        }
        double closest = 0;
        for (T other : chosen) {
            double similarity = Vectors.dot(vector, embedding.apply(other));
            if (!Double.isNaN(similarity)) {
                closest = Math.max(closest, similarity);
            }
        }
        return closest;
    }
}
