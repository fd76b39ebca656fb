package dev.memoria.ports.model;

import dev.memoria.ports.error.InvalidInputException;

/**
 * How much a memory is trusted. Each tier has a default initial confidence and a half-life (days)
 * after which its effective confidence has decayed.
 */
public enum TrustTier {
    /** Verified or stated by the user. */
    T1(0.95, 365),
    /** Curated or corrected. */
    T2(0.85, 180),
    /** Inferred. */
    T3(0.65, 60),
    /** Unverified or speculative. */
    T4(0.40, 30);

    private final double defaultConfidence;
    private final double halfLifeDays;

    TrustTier(double defaultConfidence, double halfLifeDays) {
        this.defaultConfidence = defaultConfidence;
        this.halfLifeDays = halfLifeDays;
    }

    public double defaultConfidence() {
        return defaultConfidence;
    }

    public double halfLifeDays() {
        return halfLifeDays;
    }

    public static TrustTier parse(String value) {
        for (TrustTier tier : values()) {
            if (tier.name().equals(value)) {
                return tier;
            }
        }
        throw new InvalidInputException("invalid_trust_tier", "Invalid trust tier: " + value);
    }
}
