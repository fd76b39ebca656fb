package dev.memoria.core.retrieval;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;

/**
 * The words of a query for substring tests against memory text: lower-case runs of Latin letters and digits, and
 * every pair of adjacent CJK characters (Chinese has no spaces; most of its words are pairs, and a pair is a safe
 * substring test without a dictionary). Ranking uses the keyword index; this is only for asking which parts of a
 * question a given memory contains.
 */
final class QueryWords {

    /**
     * Words kept, in order of appearance. A question has far fewer; a query of pages of text (32 KiB are allowed)
     * would otherwise cost every candidate a substring search per word.
     */
    static final int MAX_WORDS = 64;

    private QueryWords() {
    }

    static Set<String> of(String query) {
        Set<String> words = new LinkedHashSet<>();
        String lower = query.toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder();
        int previousCjk = -1;
        for (int i = 0; i < lower.length() && words.size() < MAX_WORDS; ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            boolean cjk = Scripts.isCjk(c);
            if (cjk && previousCjk >= 0) {
                words.add(new StringBuilder().appendCodePoint(previousCjk).appendCodePoint(c).toString());
            }
            previousCjk = cjk ? c : -1;
            if (!cjk && Character.isLetterOrDigit(c)) {
                latin.appendCodePoint(c);
            } else {
                addLatin(words, latin);
            }
        }
        addLatin(words, latin);
        return words;
    }

    /** Whether the (lower-case) text contains the word and every occurrence, by its index, passes the test. */
    static boolean everyOccurrence(String lower, String word, IntPredicate test) {
        int at = lower.indexOf(word);
        if (at < 0) {
            return false;
        }
        for (; at >= 0; at = lower.indexOf(word, at + 1)) {
            if (!test.test(at)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The share of the words the text contains whose every occurrence in it, by index into the lower-case text,
     * passes the test (0 when it contains none of them): how much of a memory's match with a query is, say, denied.
     */
    static double shareOnlyWhere(Set<String> words, String text, BiPredicate<String, Integer> test) {
        String lower = text.toLowerCase(Locale.ROOT);
        int found = 0;
        int passing = 0;
        for (String word : words) {
            if (lower.contains(word)) {
                found++;
                if (everyOccurrence(lower, word, at -> test.test(lower, at))) {
                    passing++;
                }
            }
        }
        return found == 0 ? 0 : (double) passing / found;
    }

    /** Whether some occurrence of the word in the (lower-case) text, by its index, passes the test. */
    static boolean anyOccurrence(String lower, String word, IntPredicate test) {
        for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
            if (test.test(at)) {
                return true;
            }
        }
        return false;
    }

    private static void addLatin(Set<String> words, StringBuilder latin) {
        if (latin.length() >= 2 && words.size() < MAX_WORDS) {
            words.add(latin.toString());
        }
        latin.setLength(0);
    }
}
