package dev.memoria.core.retrieval;

import dev.memoria.ports.model.FeedbackCounts;

/**
 * Scales a score by what users said about a memory:
 * {@code delta = useful − 0.5·(irrelevant + outdated + wrong)}, {@code × clamp(1 + weight·delta, 0.5, 2.0)}.
 */
public final class FeedbackMultiplier {

    private FeedbackMultiplier() {
    }

    public static double of(FeedbackCounts counts, double feedbackWeight) {
        if (counts == null) {
            return 1.0;
        }
        double delta = counts.useful() - 0.5 * (counts.irrelevant() + counts.outdated() + counts.wrong());
        if (Math.abs(delta) <= 0.01) {
            return 1.0;
        }
        return Math.max(0.5, Math.min(2.0, 1 + feedbackWeight * delta));
    }
}
