package dev.memoria.adapter.sql;

import java.nio.charset.StandardCharsets;

/**
 * Turns user text into a MatrixOne {@code MATCH … AGAINST (… IN BOOLEAN MODE)} pattern with "any word may match"
 * semantics. In boolean mode plain words are OR-ed; every operator ({@code + - ~ < > ( ) * "}) and any other
 * punctuation becomes a space, so nothing the caller sends can change the query's meaning or make the server
 * reject the pattern as malformed. (Natural-language mode is not used: in MatrixOne it is a phrase/AND search.)
 */
final class FullTextQuery {

    /** The reference service caps patterns at 4 KiB; longer ones only cost time. */
    static final int MAX_BYTES = 4096;

    private FullTextQuery() {
    }

    /** Letters, digits and {@code _} kept, runs of anything else collapsed to one space; "" when nothing is left. */
    static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_BYTES));
        int bytes = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetterOrDigit(cp) && cp != '_') {
                pendingSpace = out.length() > 0;
                continue;
            }
            int size = (pendingSpace ? 1 : 0) + utf8Length(cp);
            if (bytes + size > MAX_BYTES) {
                break;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
            bytes += size;
        }
        return out.toString();
    }

    private static int utf8Length(int codePoint) {
        return new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
    }
}
