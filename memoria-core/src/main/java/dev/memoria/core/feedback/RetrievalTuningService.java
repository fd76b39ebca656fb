package dev.memoria.core.feedback;

import dev.memoria.ports.in.RetrievalParamsUpdate;
import dev.memoria.ports.in.TuneResult;
import dev.memoria.ports.in.TuneRetrieval;
import dev.memoria.ports.model.FeedbackCounts;
import dev.memoria.ports.model.RetrievalParams;
import dev.memoria.ports.out.FeedbackStore;
import dev.memoria.ports.out.RetrievalParamsStore;

/**
 * Retrieval parameters per user: explicit updates are clamped to safe ranges, automatic tuning nudges the
 * feedback weight up when feedback is mostly positive and down when mostly negative.
 */
public final class RetrievalTuningService implements TuneRetrieval {

    static final int MIN_FEEDBACK_FOR_TUNING = 10;

    private final RetrievalParamsStore params;
    private final FeedbackStore feedback;

    public RetrievalTuningService(RetrievalParamsStore params, FeedbackStore feedback) {
        this.params = params;
        this.feedback = feedback;
    }

    @Override
    public RetrievalParams params(String userId) {
        return params.find(userId).orElse(RetrievalParams.DEFAULTS);
    }

    @Override
    public RetrievalParams update(String userId, RetrievalParamsUpdate update) {
        RetrievalParams current = params(userId);
        RetrievalParams next = new RetrievalParams(
                update.feedbackWeight() == null ? current.feedbackWeight() : clamp(update.feedbackWeight(), 0.01, 0.5),
                update.temporalDecayHours() == null ? current.temporalDecayHours()
                        : clamp(update.temporalDecayHours(), 1, 720),
                update.confidenceWeight() == null ? current.confidenceWeight()
                        : clamp(update.confidenceWeight(), 0, 0.5));
        params.save(userId, next);
        return next;
    }

    @Override
    public TuneResult tune(String userId) {
        RetrievalParams current = params(userId);
        FeedbackCounts totals = feedback.totals(userId);
        if (totals.total() < MIN_FEEDBACK_FOR_TUNING) {
            return new TuneResult(false, current, current,
                    "Not enough feedback to tune parameters (minimum 10 feedback signals required)");
        }
        double usefulRatio = (double) totals.useful() / totals.total();
        double negativeRatio = (double) (totals.irrelevant() + totals.wrong()) / totals.total();
        double weight = current.feedbackWeight();
        if (usefulRatio > 0.7) {
            weight = Math.min(weight * 1.1, 0.2);
        } else if (negativeRatio > 0.5) {
            weight = Math.max(weight * 0.9, 0.05);
        }
        RetrievalParams next = new RetrievalParams(Math.round(weight * 1000) / 1000.0, current.temporalDecayHours(),
                current.confidenceWeight());
        params.save(userId, next);
        return new TuneResult(true, current, next, null);
    }

    private static double clamp(double value, double min, double max) {
        if (Double.isNaN(value)) {
            return min;
        }
        return Math.max(min, Math.min(max, value));
    }
}
