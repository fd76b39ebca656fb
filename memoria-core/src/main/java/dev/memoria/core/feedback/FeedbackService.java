package dev.memoria.core.feedback;

import dev.memoria.core.MemoryIds;
import dev.memoria.core.branch.BranchResolver;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.RecordFeedback;
import dev.memoria.ports.model.Feedback;
import dev.memoria.ports.model.FeedbackCounts;
import dev.memoria.ports.model.FeedbackSignal;
import dev.memoria.ports.model.TierSignalCount;
import dev.memoria.ports.out.FeedbackStore;
import dev.memoria.ports.out.MemoryStore;

import java.time.Clock;
import java.util.List;

/** Records feedback on memories the caller owns (active or not) and reports it. */
public final class FeedbackService implements RecordFeedback {

    static final int MAX_CONTEXT_LENGTH = 2000;

    private final FeedbackStore feedback;
    private final MemoryStore store;
    private final BranchResolver branches;
    private final Clock clock;

    public FeedbackService(FeedbackStore feedback, MemoryStore store, BranchResolver branches, Clock clock) {
        this.feedback = feedback;
        this.store = store;
        this.branches = branches;
        this.clock = clock;
    }

    @Override
    public Feedback feedback(Caller caller, String memoryId, FeedbackSignal signal, String context) {
        if (context != null && context.length() > MAX_CONTEXT_LENGTH) {
            throw new InvalidInputException("context_too_long", "context exceeds " + MAX_CONTEXT_LENGTH + " characters");
        }
        if (store.findLatestVersion(branches.resolve(caller), memoryId).isEmpty()) {
            throw new NotFoundException("memory_not_found", "Memory not found");
        }
        Feedback record = new Feedback(MemoryIds.random(), caller.userId(), memoryId, signal, context, clock.instant());
        feedback.record(record);
        return record;
    }

    @Override
    public FeedbackCounts stats(String userId) {
        return feedback.totals(userId);
    }

    @Override
    public List<TierSignalCount> byTier(String userId) {
        return feedback.byTier(userId);
    }
}
