package dev.memoria.core.retrieval;

import dev.memoria.ports.model.FeedbackCounts;
import dev.memoria.ports.out.FeedbackStore;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Scales each candidate's score by what users said about it (see {@link FeedbackMultiplier}). */
final class FeedbackStage implements Stage {

    private final FeedbackStore feedback;

    FeedbackStage(FeedbackStore feedback) {
        this.feedback = feedback;
    }

    @Override
    public StageId id() {
        return StageId.FEEDBACK;
    }

    @Override
    public void apply(RetrievalRun run) {
        List<Candidate> candidates = run.candidates();
        if (candidates.isEmpty()) {
            return;
        }
        Set<String> ids = candidates.stream().map(Candidate::memoryId).collect(Collectors.toSet());
        Map<String, FeedbackCounts> counts = feedback.countsByMemory(run.userId, ids);
        for (Candidate c : candidates) {
            c.rescore(id(), c.score() * FeedbackMultiplier.of(counts.get(c.memoryId()), run.params.feedbackWeight()));
        }
        run.resort();
    }

}
