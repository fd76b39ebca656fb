package dev.memoria.core.retrieval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memories about the former one of something the query asks about: "The previous project used MongoDB" for "what
 * database does the project use?", "旧的网关用 Nginx" for "网关用什么？". The previous project is another member of the
 * kind, like Project Alpha for a question about Project Beta (see {@link NamedSiblings}): it shares the topic words
 * and answers a different question. A query that asks about the former one itself ("what did the previous project
 * use?") is left alone.
 */
final class FormerOnes {

    /** Words that mark an earlier one of a thing, right before its name. "last" and "legacy" are too ambiguous. */
    private static final String ENGLISH_MARKS = "previous|former|old|earlier|prior";
    private static final List<String> CHINESE_MARKS = List.of("之前的", "以前的", "上一个", "上个", "前一个", "原来的",
            "旧的", "旧");
    private static final Pattern ENGLISH_MARK = Pattern.compile("\\b(?:" + ENGLISH_MARKS + ")\\s+$");

    /** Query words the query names without a mark of being former (the things it asks about). */
    private final Set<String> asked;

    private FormerOnes(Set<String> asked) {
        this.asked = asked;
    }

    static FormerOnes of(String query) {
        String lower = query.toLowerCase(Locale.ROOT);
        Set<String> asked = new LinkedHashSet<>();
        for (String word : QueryWords.of(query)) {
            if (isThingWord(word) && !QueryWords.anyOccurrence(lower, word, at -> markedAt(lower, at))) {
                asked.add(word);
            }
        }
        return new FormerOnes(asked);
    }

    /**
     * Whether the text names something the query asks about only as its former one ("the previous project …"
     * and no plain "project").
     */
    boolean namesOnlyFormer(String text) {
        if (asked.isEmpty()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : asked) {
            if (QueryWords.everyOccurrence(lower, word, at -> markedAt(lower, at))) {
                return true;
            }
        }
        return false;
    }

    /** Latin words of four letters or more (not "use", "the") and Chinese character pairs. */
    private static boolean isThingWord(String word) {
        return word.length() >= 4 || word.codePoints().anyMatch(Scripts::isCjk);
    }

    private static boolean markedAt(String lower, int at) {
        if (at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1)) && lower.charAt(at - 1) < 128) {
            return false; // inside a longer English word
        }
        String before = lower.substring(Math.max(0, at - 12), at);
        if (ENGLISH_MARK.matcher(before).find()) {
            return true;
        }
        String tight = before.stripTrailing();
        for (String mark : CHINESE_MARKS) {
            if (tight.endsWith(mark)) {
                return true;
            }
        }
        return false;
    }
}
