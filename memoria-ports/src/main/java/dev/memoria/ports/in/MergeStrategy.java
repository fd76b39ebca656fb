package dev.memoria.ports.in;

import dev.memoria.ports.error.InvalidInputException;

/**
 * How a merge treats memories both sides changed: {@code ACCEPT}/{@code REPLACE} let the branch win,
 * {@code APPEND} keeps main's version and skips the branch's.
 */
public enum MergeStrategy {
    ACCEPT, REPLACE, APPEND;

    public static MergeStrategy parse(String value) {
        if (value == null) {
            return ACCEPT;
        }
        return switch (value) {
            case "accept" -> ACCEPT;
            case "replace" -> REPLACE;
            case "append" -> APPEND;
            default -> throw new InvalidInputException("invalid_strategy",
                    "Unsupported merge strategy '" + value + "'. Use append, replace, or accept.");
        };
    }
}
