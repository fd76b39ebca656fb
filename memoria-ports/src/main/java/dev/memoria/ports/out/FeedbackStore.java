package dev.memoria.ports.out;

import dev.memoria.ports.model.Feedback;
import dev.memoria.ports.model.FeedbackCounts;
import dev.memoria.ports.model.TierSignalCount;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Feedback signals users give on memories. */
public interface FeedbackStore {

    void record(Feedback feedback);

    /** Counts per memory id; ids without feedback are absent. */
    Map<String, FeedbackCounts> countsByMemory(String userId, Collection<String> memoryIds);

    /** All-time totals of the user. */
    FeedbackCounts totals(String userId);

    /** Totals per trust tier (of the memory's newest version on main) and signal. */
    List<TierSignalCount> byTier(String userId);
}
