package dev.memoria.core.retrieval;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a memory mentions the query's words only to deny them: "验证码服务偶尔超时，但不影响登录" shares 影响 with
 * "哪个问题影响了用户体验？", "payment-service 不支持 gRPC" shares gRPC with "哪些服务在用 gRPC？", and "we never used
 * GraphQL" shares GraphQL with "do we use GraphQL?". Keyword search counts these matches as evidence for the memory;
 * they are evidence against it.
 *
 * <p>A word is denied where a negation stands just before it: in Chinese a negating character at most
 * {@link #CJK_SCOPE} characters before it ("不影响", "不受影响", "不支持 gRPC"), in English a negating word at most
 * {@link #WORD_SCOPE} words before it ("is not affected", "does not support gRPC").
 */
final class Negations {

    static final int CJK_SCOPE = 3;
    static final int WORD_SCOPE = 3;

    /**
     * Chinese negating characters, and the words they start that do not negate: 不仅 (not only), 不断 (constantly),
     * 不过 (however), 不少 (quite a few), 不久 (soon), 不同 (different), 无论 (whatever), 未来 (future), 没准 (maybe).
     */
    private static final Pattern CJK_NEGATION = Pattern.compile(
            "(?:不(?![仅断过少久同但管如])|没(?!准)|未(?!来)|无(?!论)|非(?!常))");
    /** English negating words ("not only" and "not just" add rather than deny). */
    private static final Pattern ENGLISH_NEGATION = Pattern.compile(
            "\\bnot\\b(?!\\s+(?:only|just)\\b)|\\b(?:no|never|without|none|neither|nor)\\b|n't\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Negations() {
    }

    /**
     * The query words the query itself does not deny: for "哪些服务不支持 gRPC？" or "which services don't use gRPC?"
     * a memory that denies gRPC is the answer, not a false match.
     */
    static Set<String> affirmedIn(String query, Set<String> queryWords) {
        String lower = query.toLowerCase(Locale.ROOT);
        Set<String> affirmed = new LinkedHashSet<>();
        for (String word : queryWords) {
            if (!onlyDenied(lower, word)) {
                affirmed.add(word);
            }
        }
        return affirmed;
    }

    /**
     * The share of the query words the memory contains that it contains only in denied positions (0 when it
     * contains none of them).
     */
    static double deniedShare(Set<String> queryWords, String content) {
        String lower = content.toLowerCase(Locale.ROOT);
        int found = 0;
        int denied = 0;
        for (String word : queryWords) {
            int at = lower.indexOf(word);
            if (at < 0) {
                continue;
            }
            found++;
            if (onlyDenied(lower, word)) {
                denied++;
            }
        }
        return found == 0 ? 0 : (double) denied / found;
    }

    /** Whether the lower-case text contains the word and every occurrence is denied. */
    private static boolean onlyDenied(String lower, String word) {
        int at = lower.indexOf(word);
        if (at < 0) {
            return false;
        }
        for (; at >= 0; at = lower.indexOf(word, at + 1)) {
            if (!deniedAt(lower, at)) {
                return false;
            }
        }
        return true;
    }

    private static boolean deniedAt(String lower, int at) {
        int from = Math.max(0, at - CJK_SCOPE - 1);
        String before = lower.substring(from, at);
        Matcher cjk = CJK_NEGATION.matcher(before);
        while (cjk.find()) {
            if (charactersBetween(before, cjk.end()) <= CJK_SCOPE - 1) {
                return true;
            }
        }
        return englishNegationBefore(lower, at);
    }

    /** Characters other than spaces from index to the end: "不支持 gRPC" has 支持 between 不 and gRPC. */
    private static int charactersBetween(String text, int index) {
        int count = 0;
        for (int i = index; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static boolean englishNegationBefore(String lower, int at) {
        int start = Math.max(0, at - 60);
        String before = lower.substring(start, at);
        int sentence = Math.max(before.lastIndexOf('.'), Math.max(before.lastIndexOf(','), before.lastIndexOf(';')));
        before = before.substring(sentence + 1);
        Matcher negation = ENGLISH_NEGATION.matcher(before);
        while (negation.find()) {
            String after = before.substring(negation.end());
            long wordsAfter = WORD.matcher(after).results().count();
            if (wordsAfter < WORD_SCOPE) {
                return true;
            }
        }
        return false;
    }
}
