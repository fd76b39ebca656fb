package dev.memoria.core.governance.plugin;

import dev.memoria.ports.error.InvalidInputException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed, validating reads from a parsed JSON object; every problem names its path (422 {@code invalid_plugin}). */
final class Fields {

    private final Map<String, Object> map;
    private final String path;

    Fields(Map<String, Object> map, String path) {
        this.map = map;
        this.path = path;
    }

    static InvalidInputException invalid(String message) {
        return new InvalidInputException("invalid_plugin", message);
    }

    /** Unknown keys are refused: a misspelt knob must not be silently ignored by the scheduler. */
    Fields only(Set<String> allowed) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw invalid(path + "." + key + " is not a known field (known: " + new java.util.TreeSet<>(allowed)
                        + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    String string(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw invalid(path + "." + key + " must be a string");
        }
        return s;
    }

    String requiredString(String key) {
        String v = string(key);
        if (v == null || v.isBlank()) {
            throw invalid(path + "." + key + " is required");
        }
        return v;
    }

    Double number(String key, double min, double max) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw invalid(path + "." + key + " must be a number");
        }
        double d = n.doubleValue();
        if (d < min || d > max) {
            throw invalid(path + "." + key + " must be between " + min + " and " + max + ", got " + d);
        }
        return d;
    }

    Long whole(String key, long min, long max) {
        Double d = number(key, min, max);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d)) {
            throw invalid(path + "." + key + " must be a whole number");
        }
        return d.longValue();
    }

    Boolean bool(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Boolean b)) {
            throw invalid(path + "." + key + " must be true or false");
        }
        return b;
    }

    @SuppressWarnings("unchecked")
    Fields object(String key) {
        Object v = map.get(key);
        if (v == null) {
            return new Fields(Map.of(), path + "." + key);
        }
        if (!(v instanceof Map)) {
            throw invalid(path + "." + key + " must be an object");
        }
        return new Fields((Map<String, Object>) v, path + "." + key);
    }

    Map<String, Object> raw() {
        return map;
    }

    List<String> keys() {
        return List.copyOf(map.keySet());
    }
}
