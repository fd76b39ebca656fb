package dev.memoria.ports.model;

import java.time.Instant;

/** One feedback signal on one memory. */
public record Feedback(String feedbackId, String userId, String memoryId, FeedbackSignal signal, String context,
                       Instant createdAt) {
}
