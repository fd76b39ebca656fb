package dev.memoria.ports.in;

import dev.memoria.ports.error.InvalidInputException;

/**
 * What a pick does with a selected memory that both the source and the target changed: {@code FAIL} refuses the
 * whole pick (nothing is written), {@code SKIP} leaves the target's version, {@code ACCEPT} takes the source's.
 */
public enum PickStrategy {
    FAIL, SKIP, ACCEPT;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PickStrategy parse(String value) {
        if (value == null) {
            return FAIL;
        }
        return switch (value) {
            case "fail" -> FAIL;
            case "skip" -> SKIP;
            case "accept" -> ACCEPT;
            default -> throw new InvalidInputException("invalid_strategy",
                    "Unsupported pick strategy '" + value + "'. Use fail, skip, or accept.");
        };
    }
}
