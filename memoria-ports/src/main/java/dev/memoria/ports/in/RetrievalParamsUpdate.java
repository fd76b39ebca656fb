package dev.memoria.ports.in;

/** A partial update of retrieval parameters; null fields keep their value. Values are clamped, not rejected. */
public record RetrievalParamsUpdate(Double feedbackWeight, Double temporalDecayHours, Double confidenceWeight) {
}
