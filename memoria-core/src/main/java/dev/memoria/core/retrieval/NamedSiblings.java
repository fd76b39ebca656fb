package dev.memoria.core.retrieval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names of the form "Project Beta", "Team Orion": a capitalised kind followed by a capitalised name. A memory that
 * names only other members of a kind the query names ("Project Alpha uses React" for "what is Project Beta's
 * frontend?") is about something else, however many words it shares with the query.
 */
final class NamedSiblings {

    /** Words that start questions or sentences rather than name a kind of thing. */
    private static final Set<String> NOT_KINDS = Set.of("what", "which", "who", "whom", "whose", "where", "when",
            "why", "how", "is", "are", "was", "were", "do", "does", "did", "can", "could", "should", "would", "will",
            "the", "a", "an", "and", "or", "in", "on", "at", "for", "to", "of", "with", "by", "from", "our", "my",
            "your", "their", "its", "this", "that", "these", "those", "we", "i", "you", "they", "he", "she", "it");

    /** The names the query gives per kind, e.g. {@code project → {beta}}; empty for most queries. */
    private final Map<String, Set<String>> wanted;

    private NamedSiblings(Map<String, Set<String>> wanted) {
        this.wanted = wanted;
    }

    static NamedSiblings of(String query) {
        return new NamedSiblings(names(query));
    }

    /**
     * Whether the text names a kind the query names, but only with other names: "Project Alpha …" for a
     * query about Project Beta. Text naming the wanted one as well, or not naming the kind at all, is fine.
     */
    boolean namesOnlyOthers(String text) {
        if (wanted.isEmpty()) {
            return false;
        }
        Map<String, Set<String>> named = names(text);
        for (Map.Entry<String, Set<String>> kind : wanted.entrySet()) {
            Set<String> inText = named.get(kind.getKey());
            if (inText != null && !inText.isEmpty() && inText.stream().noneMatch(kind.getValue()::contains)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Set<String>> names(String text) {
        Map<String, Set<String>> byKind = new HashMap<>();
        for (List<String> words : CapitalisedRuns.of(text, false)) {
            // Only runs of exactly two words are kind + name: "React Server Components" is not.
            String kind = words.get(0).toLowerCase(Locale.ROOT);
            if (words.size() != 2 || !isCapitalisedWord(words.get(0)) || NOT_KINDS.contains(kind)) {
                continue;
            }
            byKind.computeIfAbsent(kind, k -> new HashSet<>()).add(words.get(1).toLowerCase(Locale.ROOT));
        }
        return byKind;
    }

    /** "Project", not "API" or "R2D2": a kind is an ordinary capitalised word. */
    private static boolean isCapitalisedWord(String word) {
        if (word.length() < 2) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (word.charAt(i) < 'a' || word.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }
}
