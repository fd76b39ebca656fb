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
 * <p>A word is denied where a negation stands just before it in the same clause: in Chinese a negating character
 * with at most {@link #CHARACTERS_BETWEEN} others between ("不影响", "不受影响", "不支持 gRPC"), in English a negating
 * word with at most {@link #WORDS_BETWEEN} others between ("is not affected", "does not support gRPC").
 */
final class Negations {

    /** Other characters allowed between a Chinese negation and the word it denies ("不受影响", "不支持 gRPC"). */
    static final int CHARACTERS_BETWEEN = 2;
    /** Words allowed between an English negation and the word it denies ("does not support gRPC"). */
    static final int WORDS_BETWEEN = 2;

    /** Chinese characters that negate what follows. */
    private static final String NEGATING = "不没未无非";
    /**
     * Words that start with one of them but do not negate: not only, constantly, however, quite a few, soon,
     * different, not only (… but also), regardless, maybe, future, whatever, very.
     */
    private static final Set<String> NOT_NEGATING = Set.of("不仅", "不断", "不过", "不少", "不久", "不同", "不但", "不管",
            "没准", "未来", "无论", "非常");
    /** Punctuation that ends a clause (outside names: "v8.5.1" and "node:18" go on). */
    private static final String CLAUSE_ENDS = "，。；：！？、,;:!?()（）\n";
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
        return QueryWords.shareOnlyWhere(queryWords, content, Negations::deniedAt);
    }

    /** Whether the lower-case text contains the word and every occurrence is denied. */
    private static boolean onlyDenied(String lower, String word) {
        return QueryWords.everyOccurrence(lower, word, at -> deniedAt(lower, at));
    }

    private static boolean deniedAt(String lower, int at) {
        return chineseNegationBefore(lower, at) || englishNegationBefore(lower, at);
    }

    /**
     * A negating character with at most {@link #CHARACTERS_BETWEEN} others between it and the word, within the
     * word's clause: "不影响", "不受影响", "不支持 gRPC", but not "不，影响" or "不需要改造的 gRPC". A Latin name between
     * counts as one character, and a word inside a name ("service" in "auth-service") is where the name starts.
     */
    private static boolean chineseNegationBefore(String lower, int at) {
        int i = at - 1;
        while (i >= 0 && isNamePart(lower, i)) {
            i--;
        }
        int between = 0;
        while (i >= 0 && between <= CHARACTERS_BETWEEN) {
            char c = lower.charAt(i);
            if (Character.isWhitespace(c)) {
                i--;
            } else if (CLAUSE_ENDS.indexOf(c) >= 0 || c == '.') {
                return false;
            } else if (NEGATING.indexOf(c) >= 0
                    && !NOT_NEGATING.contains(lower.substring(i, Math.min(i + 2, lower.length())))) {
                return true;
            } else if (isNamePart(lower, i)) {
                while (i >= 0 && isNamePart(lower, i)) {
                    i--;
                }
                between++;
            } else {
                between++;
                i--;
            }
        }
        return false;
    }

    /** Latin letters, digits and the joiners of names such as auth-service, v8.5.1, node:18, C++ and C#. */
    private static boolean isNamePart(String lower, int i) {
        char c = lower.charAt(i);
        if (c < 128 && Character.isLetterOrDigit(c)) {
            return true;
        }
        // a joiner belongs to a name only between two of its characters: "v8.5.1" but not "完成. 不"
        return "-_./:+#".indexOf(c) >= 0 && i > 0 && i + 1 < lower.length()
                && lower.charAt(i - 1) < 128 && Character.isLetterOrDigit(lower.charAt(i - 1))
                && lower.charAt(i + 1) < 128 && Character.isLetterOrDigit(lower.charAt(i + 1));
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
            if (wordsAfter <= WORDS_BETWEEN) {
                return true;
            }
        }
        return false;
    }
}
