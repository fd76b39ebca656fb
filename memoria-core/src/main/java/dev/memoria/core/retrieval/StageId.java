package dev.memoria.core.retrieval;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The named stages of the retrieval pipeline, in the order they run, and whether each runs unless configured
 * otherwise. The adjustments that read the wording of a query or a memory are off by default: each was written
 * for one kind of question and did not measure better on scenario sets it was not written for
 * (docs/QUALITY.md); they stay available for deployments that measure otherwise on their own data.
 */
public enum StageId {
    /** Nearest memories by embedding similarity. */
    VECTOR("vector", true),
    /** Best memories by BM25 over the full-text index. */
    KEYWORD("keyword", true),
    /** Expands acronyms in the keyword query ("k8s" style short forms and their long forms). */
    ACRONYMS("acronyms", true),
    /** Combines the sources' signals into one relevance (see {@link Fusion}). */
    FUSION("fusion", true),
    /** Adds recency and effective confidence to relevance. */
    RECENCY("recency", true),
    /** For a query about the present, weighs recency more and reads dates stated in the memories. */
    CURRENT_STATE("current-state", true),
    /** Scales by what users said about a memory. */
    FEEDBACK("feedback", true),
    /** Follows shared names from the best results to memories linked to them (only where vectors are weak). */
    ASSOCIATION("association", true),
    /** Lifts memories that complete a chain of names from the query (part of association). */
    ANCHORED_TARGETS("anchored-targets", true),
    /** Discounts keyword matches a memory denies. */
    NEGATIONS("negations", true),
    /** Discounts keyword matches a memory only plans. */
    PLANS("plans", true),
    /** Demotes memories about another member of a kind the query names. */
    NAMED_SIBLINGS("named-siblings", true),
    /** Demotes memories about the former one of what the query asks about. */
    FORMER_ONES("former-ones", true),
    /** Demotes memories that name nothing of the kind a "which …" query asks for. */
    ASKED_KIND("asked-kind", true),
    /** Maximal marginal relevance over the top of the ranking. */
    DIVERSITY("diversity", true),
    /** Keeps top_k and drops results far below the best one's relevance. */
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
