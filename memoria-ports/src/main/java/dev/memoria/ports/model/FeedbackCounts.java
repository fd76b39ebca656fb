package dev.memoria.ports.model;

/** Feedback signals received, by kind. */
public record FeedbackCounts(long useful, long irrelevant, long outdated, long wrong) {

    public static final FeedbackCounts NONE = new FeedbackCounts(0, 0, 0, 0);

    public long total() {
        return useful + irrelevant + outdated + wrong;
    }
}
