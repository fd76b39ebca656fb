package dev.memoria.ports.model;

/** A user's retrieval tuning knobs. */
public record RetrievalParams(double feedbackWeight, double temporalDecayHours, double confidenceWeight) {

    public static final RetrievalParams DEFAULTS = new RetrievalParams(0.1, 168.0, 0.1);
}
