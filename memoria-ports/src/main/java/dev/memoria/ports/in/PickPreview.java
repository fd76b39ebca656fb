package dev.memoria.ports.in;

import java.util.List;

/** A dry-run pick: what would happen to each selected change, one page of them shown. Nothing is written. */
public record PickPreview(String source, String target, PickStrategy strategy, int candidateCount, int wouldApply,
                          int wouldSkip, int conflictCount, boolean wouldAbort, List<Candidate> shown,
                          boolean hasMore) {

    public PickPreview {
        shown = List.copyOf(shown);
    }

    public enum Status { WOULD_APPLY, WOULD_SKIP, CONFLICT }

    /**
     * One selected change.
     *
     * @param content null unless content previews were asked for
     * @param score   retrieval score for the retrieve selector when scores were asked for, else null
     * @param reason  new_or_updated_row, conflict_skip, conflict_accept or conflict_fail
     */
    public record Candidate(String memoryId, String content, Double score, Status status, String reason) {
    }
}
