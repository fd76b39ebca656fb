package dev.memoria.ports.model;

import dev.memoria.ports.error.InvalidInputException;

import java.util.Locale;

/** The kinds of memory an agent stores; the wire names are exact and case-sensitive. */
public enum MemoryType {
    SEMANTIC,
    PROFILE,
    PROCEDURAL,
    WORKING,
    EPISODIC,
    TOOL_RESULT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an exact wire name such as {@code semantic}; anything else is invalid input. */
    public static MemoryType parse(String wireName) {
        for (MemoryType type : values()) {
            if (type.wireName().equals(wireName)) {
                return type;
            }
        }
        throw new InvalidInputException("invalid_memory_type", "Invalid memory type: " + wireName);
    }
}
