package dev.memoria.core.retrieval;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs of consecutive capitalised Latin words ("React Server Components", "Project Beta"), found by a linear
 * scan: a regular expression with a repeated group recurses once per word in Java and overflows the stack on
 * a long enough run, and queries come from clients.
 */
final class CapitalisedRuns {

    private CapitalisedRuns() {
    }

    /**
     * @param hyphenJoins whether "Sign-On" continues a run like a space does
     * @return each run's words in order; single words are runs of one
     */
    static List<List<String>> of(String text, boolean hyphenJoins) {
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isAsciiLetterOrDigit(c)) {
                int start = i;
                while (i < n && isAsciiLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                boolean glued = start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))
                        || i < n && Character.isLetterOrDigit(text.charAt(i));
                if (c >= 'A' && c <= 'Z' && !glued) {
                    run.add(text.substring(start, i));
                } else {
                    close(run, runs);
                }
            } else if (c == ' ' || c == '\t' || hyphenJoins && c == '-') {
                i++;
            } else {
                close(run, runs);
                i++;
            }
        }
        close(run, runs);
        return runs;
    }

    private static void close(List<String> run, List<List<String>> runs) {
        if (!run.isEmpty()) {
            runs.add(List.copyOf(run));
            run.clear();
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
