package dev.memoria.ports.model;

/** How many feedback signals of one kind memories of one trust tier received. */
public record TierSignalCount(TrustTier tier, FeedbackSignal signal, long count) {
}
