package dev.memoria.server.mcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, forgiving-but-honest reading of a tool call's arguments. Agents (LLMs) often send numbers and
 * booleans as strings, so those are accepted; anything that cannot mean what the schema says is a
 * {@link ToolError} naming the argument.
 */
final class ToolArguments {

    private final Map<String, Object> values;

    ToolArguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    Map<String, Object> asMap() {
        return values;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    /** Refuses argument names outside {@code known} (for tools where a typo would silently change the result). */
    void rejectUnknown(Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new ToolError("Unknown argument(s): " + String.join(", ", unknown) + ". Allowed: "
                    + String.join(", ", new TreeSet<>(known)));
        }
    }

    /** A string argument, or null when absent. */
    String string(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new ToolError("`" + name + "` must be a string");
        }
        return text;
    }

    /** A string argument, or null when absent or blank. */
    String text(String name) {
        String value = string(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** A non-blank string argument; {@code message} is the error when it is missing. */
    String requiredText(String name, String message) {
        String value = text(name);
        if (value == null) {
            throw new ToolError(message);
        }
        return value;
    }

    int integer(String name, int defaultValue) {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
        } else if (value instanceof String text && text.trim().matches("-?\\d{1,9}")) {
            return Integer.parseInt(text.trim());
        }
        throw new ToolError("`" + name + "` must be an integer");
    }

    int integer(String name, int defaultValue, int min, int max) {
        int value = integer(name, defaultValue);
        if (value < min || value > max) {
            throw new ToolError("`" + name + "` must be between " + min + " and " + max);
        }
        return value;
    }

    boolean bool(String name, boolean defaultValue) {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw new ToolError("`" + name + "` must be a boolean");
    }

    /** A list of strings; a single string is read as a comma-separated list, as agents often send one. */
    List<String> stringList(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        if (!(value instanceof List<?> list)) {
            throw new ToolError("`" + name + "` must be an array of strings");
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw new ToolError("`" + name + "` must be an array of strings");
            }
            if (!text.isBlank()) {
                result.add(text.trim());
            }
        }
        return result;
    }

    /** A JSON object argument, or null when absent. */
    Map<String, Object> object(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ToolError(name + " must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return typed;
    }

    /** An array of JSON objects, or null when absent. */
    List<ToolArguments> objectList(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new ToolError("`" + name + "` must be an array of objects");
        }
        List<ToolArguments> result = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new ToolError("`" + name + "` must be an array of objects");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            result.add(new ToolArguments(typed));
        }
        return result;
    }

    /** The raw JSON value (string, number, boolean, list, map) or null. */
    Object raw(String name) {
        return values.get(name);
    }
}
