package dev.memoria.adapter.embedding.openai;

import java.nio.charset.StandardCharsets;

/** The start of a response body for an error message: one line, at most 200 characters. */
final class Snippet {

    static final int MAX = 200;

    private Snippet() {
    }

    static String of(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty body)";
        }
        String text = new String(body, 0, Math.min(body.length, MAX * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return text.length() <= MAX ? text : text.substring(0, MAX) + "…";
    }
}
