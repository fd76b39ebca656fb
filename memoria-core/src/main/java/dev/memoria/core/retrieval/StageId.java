package dev.memoria.core.retrieval;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The named stages of the retrieval pipeline, in the order they run, and whether each runs unless configured
 * otherwise. docs/QUALITY.md has the measurement behind each default, on scenario sets nothing was tuned on.
 */
public enum StageId {
    /** Candidate source: nearest memories by embedding similarity. */
    VECTOR("vector", true),
    /** Candidate source: best memories by BM25 over the full-text index. */
    KEYWORD("keyword", true),
    /** Combines the sources' signals into one relevance (see {@link Fusion}); always runs. */
    FUSION("fusion", true),
    /** Adds recency and effective confidence to relevance. */
    RECENCY("recency", true),
    /**
     * Optional adjustment: for a query about the present (cue words per language, see {@link PresentCues}),
     * weighs recency more and reads dates the memories state.
     */
    CURRENT_STATE("current-state", true),
    /** Scales by what users said about a memory. */
    FEEDBACK("feedback", true),
    /**
     * Candidate source by entity association: follows shared names from the best results to memories linked
     * to them; only where the embedding model is not trusted for the query's language.
     */
    ASSOCIATION("association", true),
    /** Maximal marginal relevance over the top of the ranking. */
    DIVERSITY("diversity", true),
    /** Drops results far below the best one's relevance (top_k applies in any case). */
    CUTOFF("cutoff", true);

    private final String id;
    private final boolean onByDefault;

    StageId(String id, boolean onByDefault) {
        this.id = id;
        this.onByDefault = onByDefault;
    }

    /** The name used in configuration and in explain's trail. */
    public String id() {
        return id;
    }

    public boolean onByDefault() {
        return onByDefault;
    }

    public static Optional<StageId> byId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
    }
}
