package dev.memoria.core.retrieval;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The acronyms a text's capitalised phrases stand for: "React Server Components" → "RSC". People write the
 * long form in one note and the short one in the next ("pause RSC adoption"), and neither keywords nor a
 * small embedding model connect the two, so keyword search looks for both.
 */
final class Acronyms {

    /** Three or more capitalised Latin words in a row; two-letter acronyms are too ambiguous to add. */
    private static final Pattern PHRASE = Pattern.compile("\\b[A-Z][a-zA-Z0-9]*(?:[ \\t-]+[A-Z][a-zA-Z0-9]*){2,}\\b");

    private Acronyms() {
    }

    /** Acronyms of the capitalised phrases in the text, e.g. {@code RSC}; empty when there are none. */
    static Set<String> of(String text) {
        Set<String> acronyms = new LinkedHashSet<>();
        Matcher matcher = PHRASE.matcher(text);
        while (matcher.find()) {
            String[] words = matcher.group().split("[ \\t-]+");
            StringBuilder initials = new StringBuilder();
            for (String word : words) {
                initials.append(word.charAt(0));
            }
            acronyms.add(initials.toString());
            if (words.length > 3) {
                // The first word may only be capitalised because it starts the sentence ("Is React Server Components…").
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
