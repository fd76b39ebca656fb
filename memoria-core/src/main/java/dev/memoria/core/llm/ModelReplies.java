package dev.memoria.core.llm;

import dev.memoria.core.json.Json;
import dev.memoria.ports.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns model replies into values. Models wrap JSON in code fences or prose, return an object where an array was
 * asked for, or return garbage; each reader accepts the common variants and throws
 * {@link MalformedReplyException} for the rest.
 */
final class ModelReplies {

    private ModelReplies() {
    }

    /** A JSON array of objects: fences stripped, the text between the first '[' and the last ']'. */
    static List<Map<String, Object>> objects(String reply) {
        String text = stripFences(reply);
        int start = text.indexOf('[');
        int end = text.lastIndexOf(']');
        Object parsed;
        if (start >= 0 && end > start) {
            parsed = parse(text.substring(start, end + 1));
        } else {
            parsed = parse(text);
        }
        if (parsed instanceof Map<?, ?> single) {
            // {"memories": [...]} or {"items": [...]} — json mode forces an object
            for (Object value : single.values()) {
                if (value instanceof List<?>) {
                    parsed = value;
                    break;
                }
            }
        }
        if (!(parsed instanceof List<?> list)) {
            throw new MalformedReplyException("expected a JSON array");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                items.add(typed);
            }
        }
        return items;
    }

    /** A JSON object: fences stripped, the text between the first '{' and the last '}'. */
    static Map<String, Object> object(String reply) {
        String text = stripFences(reply);
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end <= start) {
            throw new MalformedReplyException("expected a JSON object");
        }
        Object parsed = parse(text.substring(start, end + 1));
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new MalformedReplyException("expected a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return typed;
    }

    private static Object parse(String json) {
        try {
            return Json.parse(json);
        } catch (InvalidInputException malformed) {
            throw new MalformedReplyException(malformed.getMessage());
        }
    }

    static String text(Map<String, Object> item, String key) {
        Object value = item.get(key);
        return value instanceof String s ? s.trim() : "";
    }

    static String stripFences(String reply) {
        String text = reply == null ? "" : reply.trim();
        if (text.startsWith("```")) {
            int firstLine = text.indexOf('\n');
            text = firstLine < 0 ? "" : text.substring(firstLine + 1);
            int close = text.lastIndexOf("```");
            if (close >= 0) {
                text = text.substring(0, close);
            }
        }
        return text.trim();
    }

    /** Cuts to at most {@code maxBytes} UTF-8 bytes, on a character boundary. */
    static String truncateUtf8(String text, int maxBytes) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                return text.substring(0, i);
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return text;
    }

    /** The last {@code maxBytes} UTF-8 bytes, starting on a character boundary. */
    static String lastUtf8(String text, int maxBytes) {
        int bytes = 0;
        int i = text.length();
        while (i > 0) {
            int cp = text.codePointBefore(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i -= Character.charCount(cp);
        }
        return text.substring(i);
    }
}
