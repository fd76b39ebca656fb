package dev.memoria.server.governance;

import dev.memoria.ports.error.InvalidInputException;

import java.util.List;

/**
 * The {@code mode} of the LLM-backed operations (reflection, entity extraction), over REST and MCP alike:
 * {@code auto} uses the model when one is configured, {@code candidates} always hands the work to the caller,
 * {@code internal} requires the model.
 */
public final class LlmModes {

    public static final List<String> ALL = List.of("auto", "candidates", "internal");

    private LlmModes() {
    }

    /** The mode, {@code auto} when absent. */
    public static String parse(String mode) {
        if (mode == null) {
            return "auto";
        }
        if (!ALL.contains(mode)) {
            throw new InvalidInputException("invalid_mode", "mode must be auto, candidates or internal");
        }
        return mode;
    }
}
