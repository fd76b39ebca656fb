package dev.memoria.server.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small builder for the JSON Schema of a tool's arguments (always an object of named properties). */
final class Schema {

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    static Schema object() {
        return new Schema();
    }

    Schema string(String name, String description) {
        return property(name, prop("string", description));
    }

    Schema requiredString(String name, String description) {
        required.add(name);
        return string(name, description);
    }

    Schema enumeration(String name, String description, List<String> values, String defaultValue) {
        Map<String, Object> p = prop("string", description);
        p.put("enum", values);
        if (defaultValue != null) {
            p.put("default", defaultValue);
        }
        return property(name, p);
    }

    Schema integer(String name, String description, Integer defaultValue, Integer min, Integer max) {
        Map<String, Object> p = prop("integer", description);
        if (defaultValue != null) {
            p.put("default", defaultValue);
        }
        if (min != null) {
            p.put("minimum", min);
        }
        if (max != null) {
            p.put("maximum", max);
        }
        return property(name, p);
    }

    Schema bool(String name, String description, boolean defaultValue) {
        Map<String, Object> p = prop("boolean", description);
        p.put("default", defaultValue);
        return property(name, p);
    }

    Schema stringArray(String name, String description, List<String> allowed) {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("type", "string");
        if (allowed != null) {
            items.put("enum", allowed);
        }
        Map<String, Object> p = prop("array", description);
        p.put("items", items);
        return property(name, p);
    }

    Schema freeObject(String name, String description) {
        return property(name, prop("object", description));
    }

    /** Any property schema written out by hand (unions, arrays of objects). */
    Schema property(String name, Map<String, Object> schema) {
        properties.put(name, schema);
        return this;
    }

    Schema require(String name) {
        required.add(name);
        return this;
    }

    Map<String, Object> build() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        return schema;
    }

    static Map<String, Object> prop(String type, String description) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("description", description);
        return p;
    }
}
