package dev.memoria.core.retrieval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words by which a query asks how things are now, one resource file per language under
 * {@code present-cues/} (the folder's {@code languages.txt} says how to add one). A cue made of letters of a
 * space-separated script matches as a whole word; a cue in a script written without spaces (Chinese, Japanese)
 * matches anywhere.
 */
final class PresentCues {

    private static final String FOLDER = "present-cues/";
    private static final PresentCues BUNDLED = load();

    private final Pattern words;
    private final List<String> unspaced;

    private PresentCues(Pattern words, List<String> unspaced) {
        this.words = words;
        this.unspaced = unspaced;
    }

    static PresentCues bundled() {
        return BUNDLED;
    }

    boolean foundIn(String query) {
        String lower = query.toLowerCase(Locale.ROOT);
        if (words != null && words.matcher(lower).find()) {
            return true;
        }
        for (String cue : unspaced) {
            if (lower.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    private static PresentCues load() {
        List<String> spaced = new ArrayList<>();
        List<String> unspaced = new ArrayList<>();
        for (String language : lines(FOLDER + "languages.txt")) {
            for (String cue : lines(FOLDER + language + ".txt")) {
                (Scripts.cjkWordShare(cue) > 0 ? unspaced : spaced).add(cue.toLowerCase(Locale.ROOT));
            }
        }
        Pattern words = spaced.isEmpty() ? null : Pattern.compile("\\b(?:" + String.join("|",
                spaced.stream().map(Pattern::quote).toList()) + ")\\b");
        return new PresentCues(words, List.copyOf(unspaced));
    }

    /** The non-blank lines of a bundled resource, without {@code #} comments. */
    private static List<String> lines(String resource) {
        try (InputStream in = PresentCues.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + resource);
            }
            List<String> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int hash = line.indexOf('#');
                String value = (hash < 0 ? line : line.substring(0, hash)).strip();
                if (!value.isEmpty()) {
                    out.add(value);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
