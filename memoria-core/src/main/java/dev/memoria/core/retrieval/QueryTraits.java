package dev.memoria.core.retrieval;

/**
 * What a query says about how to rank for it, decided once per query.
 *
 * @param vectorTrust          how far vector similarity can be trusted for the query's language: 1 for text the
 *                             embedding model was trained on, 0 for a mostly-CJK query under an English-only model
 *                             (see {@code EmbeddingPort#multilingual}), 0 too when there is no query vector
 * @param asksForCurrentState  the query asks how things are now (a cue word of {@link PresentCues}):
 *                             where memories disagree, the newest one states the present, so recency
 *                             weighs more than usual
 */
record QueryTraits(double vectorTrust, boolean asksForCurrentState) {

    /** From this share of CJK letters on, a query counts as CJK text. */
    static final double CJK_QUERY_SHARE = 0.3;

    static QueryTraits of(String query, boolean hasVector, boolean multilingualModel) {
        return of(query, hasVector, multilingualModel, true);
    }

    /** @param readCurrentState whether to look for cues that the query asks about the present at all */
    static QueryTraits of(String query, boolean hasVector, boolean multilingualModel, boolean readCurrentState) {
        double vectorTrust = !hasVector ? 0
                : multilingualModel || Scripts.cjkWordShare(query) < CJK_QUERY_SHARE ? 1 : 0;
        return new QueryTraits(vectorTrust, readCurrentState && asksForCurrentState(query));
    }

    static boolean asksForCurrentState(String query) {
        return PresentCues.bundled().foundIn(query);
    }
}
