package dev.memoria.ports.in;

import dev.memoria.ports.model.Feedback;
import dev.memoria.ports.model.FeedbackCounts;
import dev.memoria.ports.model.FeedbackSignal;
import dev.memoria.ports.model.TierSignalCount;

import java.util.List;

/** Use case: learn from what users say about retrieved memories. */
public interface RecordFeedback {

    Feedback feedback(Caller caller, String memoryId, FeedbackSignal signal, String context);

    FeedbackCounts stats(String userId);

    List<TierSignalCount> byTier(String userId);
}
