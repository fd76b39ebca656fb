package dev.memoria.ports.in;

import dev.memoria.ports.error.InvalidInputException;

/** Which page of a dry-run pick to show, and how much of each candidate. */
public record PickPreviewPage(int limit, int offset, boolean includeContentPreview, boolean includeScores) {

    public static final int MAX_LIMIT = 100;

    public PickPreviewPage {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("invalid_dry_run", "dry_run.limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidInputException("invalid_dry_run", "dry_run.offset must be >= 0");
        }
    }

    public static PickPreviewPage defaults() {
        return new PickPreviewPage(10, 0, true, true);
    }
}
