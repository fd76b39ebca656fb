package dev.memoria.core.retrieval;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a query says about how to rank for it, decided once per query.
 *
 * @param vectorTrust          how far vector similarity can be trusted for the query's language: 1 for text the
 *                             embedding model was trained on, 0 for a mostly-CJK query under an English-only model
 *                             (see {@code EmbeddingPort#multilingual}), 0 too when there is no query vector
 * @param asksForCurrentState  the query asks how things are now ("do we still use…", "current policy",
 *                             "现在…吗"): where memories disagree, the newest one states the present, so recency
 *                             weighs more than usual
 */
record QueryTraits(double vectorTrust, boolean asksForCurrentState) {

    /** From this share of CJK letters on, a query counts as CJK text. */
    static final double CJK_QUERY_SHARE = 0.3;

    /** Whole words (English) that ask about the present or the latest state. */
    private static final Pattern PRESENT_WORDS = Pattern.compile(
            "\\b(now|nowadays|currently|current|still|anymore|latest|today|presently|these days|at the moment"
                    + "|right now|as of now|most recent|recently|lately|up to date|up-to-date)\\b");

    /** The same cues in Chinese: now, at present, currently, nowadays, still (using), latest, recently, so far. */
    private static final List<String> PRESENT_CJK = List.of(
            "现在", "目前", "当前", "如今", "眼下", "还在", "仍在", "仍然", "最新", "最近", "至今", "现阶段");

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
        String lower = query.toLowerCase(Locale.ROOT);
        if (PRESENT_WORDS.matcher(lower).find()) {
            return true;
        }
        for (String cue : PRESENT_CJK) {
            if (lower.contains(cue)) {
                return true;
            }
        }
        return false;
    }
}
