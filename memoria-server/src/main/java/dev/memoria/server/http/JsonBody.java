package dev.memoria.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memoria.ports.error.ErrorKind;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.MemoriaException;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's JSON object with typed, validating accessors. Every way a client can get a body wrong ends
 * in a 4xx with a message naming the field: 415 for a non-JSON content type, 400 for unparsable JSON,
 * 422 for a wrong type or value.
 */
public final class JsonBody {

    private final ObjectNode node;
    private final ObjectMapper mapper;

    private JsonBody(ObjectNode node, ObjectMapper mapper) {
        this.node = node;
        this.mapper = mapper;
    }

    public static JsonBody of(Context ctx, ObjectMapper mapper) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new MemoriaException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Expected request with Content-Type: application/json");
        }
        byte[] bytes = ctx.bodyAsBytes();
        JsonNode parsed;
        try {
            parsed = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new MemoriaException(ErrorKind.MALFORMED, "malformed_json",
                    "Failed to parse the request body as JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new MemoriaException(ErrorKind.MALFORMED, "malformed_json", "Failed to read the request body");
        }
        if (parsed == null || parsed.isMissingNode()) {
            throw new MemoriaException(ErrorKind.MALFORMED, "malformed_json", "Request body must be a JSON object");
        }
        if (!parsed.isObject()) {
            throw new InvalidInputException("invalid_body", "Request body must be a JSON object");
        }
        return new JsonBody((ObjectNode) parsed, mapper);
    }

    public static JsonBody wrap(ObjectNode node, ObjectMapper mapper) {
        return new JsonBody(node, mapper);
    }

    /** Rejects fields this route does not know (for routes whose clients expect strictness). */
    public JsonBody onlyFields(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInputException("unknown_field", "unknown field `" + name + "`");
            }
        }
        return this;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public JsonNode raw(String field) {
        return node.get(field);
    }

    public String string(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field, "must be a string");
        }
        return value.textValue();
    }

    public String requiredString(String field) {
        String value = string(field);
        if (value == null) {
            throw new InvalidInputException("missing_field", "missing field `" + field + "`");
        }
        return value;
    }

    /** A string, or null when absent, null or blank. */
    public String optionalText(String field) {
        String value = string(field);
        return value == null || value.isBlank() ? null : value;
    }

    public Integer integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(field, "must be an integer");
        }
        return value.intValue();
    }

    public Double number(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw invalid(field, "must be a finite number");
        }
        return value.doubleValue();
    }

    public Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw invalid(field, "must be a boolean");
        }
        return value.booleanValue();
    }

    public Map<String, Object> object(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw invalid(field, "must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = mapper.convertValue(value, Map.class);
        return map;
    }

    public List<String> stringList(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw invalid(field, "must be an array of strings");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw invalid(field, "must be an array of strings");
            }
            result.add(item.textValue());
        }
        return result;
    }

    public List<JsonBody> objectList(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw invalid(field, "must be an array of objects");
        }
        List<JsonBody> result = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw invalid(field, "must be an array of objects");
            }
            result.add(new JsonBody((ObjectNode) item, mapper));
        }
        return result;
    }

    public MemoryType memoryType(String field) {
        String value = string(field);
        return value == null ? null : MemoryType.parse(value);
    }

    public TrustTier trustTier(String field) {
        String value = string(field);
        return value == null ? null : TrustTier.parse(value);
    }

    /** Memory types with blank entries dropped and duplicates removed; invalid names are rejected. */
    public Set<MemoryType> memoryTypes(String field) {
        List<String> values = stringList(field);
        Set<MemoryType> types = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                if (!value.isBlank()) {
                    types.add(MemoryType.parse(value.trim()));
                }
            }
        }
        return types;
    }

    /** A timestamp in either form {@link Timestamps} accepts; null when absent. */
    public Instant timestamp(String field) {
        String value = string(field);
        return value == null ? null : Timestamps.parse(field, value);
    }

    private static InvalidInputException invalid(String field, String problem) {
        return new InvalidInputException("invalid_field", "`" + field + "` " + problem);
    }
}
