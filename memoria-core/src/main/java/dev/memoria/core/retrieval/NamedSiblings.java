package dev.memoria.core.retrieval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the form "Project Beta", "Team Orion": a capitalised kind followed by a capitalised name. A memory that names only other members of a kind the query names ("Project Alpha uses React"
 * for "what is Project Beta's frontend?") is about something else, however many words it shares with the query.
 */
final class NamedSiblings {

    /** A run of capitalised words; only runs of exactly two are kind + name ("React Server Components" is not). */
    private static final Pattern RUN = Pattern.compile("\\b[A-Z][a-z]+(?:[ \\t]+[A-Z][A-Za-z0-9]*)+\\b");

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
        Matcher matcher = RUN.matcher(text);
        while (matcher.find()) {
            String[] words = matcher.group().split("[ \\t]+");
            String kind = words[0].toLowerCase(Locale.ROOT);
            if (words.length != 2 || NOT_KINDS.contains(kind)) {
                continue;
            }
            byKind.computeIfAbsent(kind, k -> new HashSet<>()).add(words[1].toLowerCase(Locale.ROOT));
        }
        return byKind;
    }
}
