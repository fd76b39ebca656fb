package dev.memoria.core.retrieval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The acronyms a text's capitalised phrases stand for: "React Server Components" → "RSC". People write the
 * long form in one note and the short one in the next ("pause RSC adoption"), and neither keywords nor a
 * small embedding model connect the two, so keyword search looks for both.
 */
final class Acronyms {

    static final int MAX_WORDS = 8;

    private Acronyms() {
    }

    /** Acronyms of the capitalised phrases in the text, e.g. {@code RSC}; empty when there are none. */
    static Set<String> of(String text) {
        Set<String> acronyms = new LinkedHashSet<>();
        for (List<String> words : CapitalisedRuns.of(text, true)) {
            // Two-letter acronyms are too ambiguous to add; a run of many capitalised words is a title or a shout.
            if (words.size() < 3 || words.size() > MAX_WORDS) {
                continue;
            }
            StringBuilder initials = new StringBuilder();
            for (String word : words) {
                initials.append(word.charAt(0));
            }
            acronyms.add(initials.toString());
            if (words.size() > 3) {
                // The first word may be capitalised only because it starts the sentence
                // ("Is React Server Components…").
                acronyms.add(initials.substring(1));
            }
        }
        return acronyms;
    }

    /** The text with the acronyms of its capitalised phrases appended, for keyword search. */
    static String expand(String text) {
        Set<String> acronyms = of(text);
        return acronyms.isEmpty() ? text : text + " " + String.join(" ", acronyms);
    }
}
