package dev.memoria.ports.model;

import dev.memoria.ports.error.InvalidInputException;

import java.util.Locale;

/** What a user said about a retrieved memory. */
public enum FeedbackSignal {
    USEFUL, IRRELEVANT, OUTDATED, WRONG;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FeedbackSignal parse(String value) {
        for (FeedbackSignal signal : values()) {
            if (signal.wireName().equals(value)) {
                return signal;
            }
        }
        throw new InvalidInputException("invalid_signal",
                "Invalid signal '" + value + "'. Must be one of: useful, irrelevant, outdated, wrong");
    }
}
