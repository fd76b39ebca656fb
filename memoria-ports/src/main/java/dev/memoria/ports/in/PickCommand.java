package dev.memoria.ports.in;

import dev.memoria.ports.error.InvalidInputException;

/** Take selected changes of a branch into a target branch ({@code main} unless given). */
public record PickCommand(String target, PickStrategy strategy, PickSelector selector) {

    public PickCommand {
        target = target == null || target.isBlank() ? "main" : target.trim();
        strategy = strategy == null ? PickStrategy.FAIL : strategy;
        if (selector == null) {
            throw new InvalidInputException("invalid_selector", "selector is required");
        }
    }
}
