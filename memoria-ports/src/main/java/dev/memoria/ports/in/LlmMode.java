package dev.memoria.ports.in;

import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.UnavailableException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code mode} of the model-backed operations (reflection, entity extraction), the same over REST, MCP and the
 * library: {@code auto} uses the model when one is configured, {@code candidates} always hands the work to the
 * caller, {@code internal} requires the model.
 */
public enum LlmMode {
    AUTO, CANDIDATES, INTERNAL;

    /** The lower-case names, as callers spell them. */
    public static List<String> names() {
        return Arrays.stream(values()).map(LlmMode::wireName).toList();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a caller named (surrounding whitespace ignored); {@code auto} when absent or blank. */
    public static LlmMode parse(String mode) {
        if (mode == null || mode.isBlank()) {
            return AUTO;
        }
        for (LlmMode value : values()) {
            if (value.wireName().equals(mode.strip())) {
                return value;
            }
        }
        throw new InvalidInputException("invalid_mode", "mode must be auto, candidates or internal");
    }

    /** Whether the model does the work, given whether one is configured; {@code internal} without one is refused. */
    public boolean usesModel(boolean modelAvailable) {
        if (this == INTERNAL && !modelAvailable) {
            throw new UnavailableException("llm_not_configured", "LLM_API_KEY not configured");
        }
        return this != CANDIDATES && modelAvailable;
    }
}
