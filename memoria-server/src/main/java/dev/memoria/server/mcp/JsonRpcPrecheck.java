package dev.memoria.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the MCP SDK's transport would otherwise answer with a serialised Java exception (stack frames, class
 * names): a body that is not JSON, a batch, a message that is not JSON-RPC 2.0, {@code initialize} without
 * parameters, the wrong media types. Each becomes a JSON-RPC error envelope with the specification's code and a
 * message for the client, decided before the SDK sees the request.
 */
final class JsonRpcPrecheck {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;

    /** Why a request was refused: the HTTP status and the JSON-RPC error to send. */
    record Refusal(int status, Object id, int code, String message) {

        Map<String, Object> envelope() {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code);
            error.put("message", message);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("jsonrpc", "2.0");
            json.put("id", id);
            json.put("error", error);
            return json;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRpcPrecheck() {
    }

    static Optional<Refusal> check(String contentType, String accept, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Optional.of(new Refusal(415, null, INVALID_REQUEST, "Content-Type must be application/json"));
        }
        String accepted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (!(accepted.contains("application/json") || accepted.contains("*/*"))
                || !(accepted.contains("text/event-stream") || accepted.contains("*/*"))) {
            return Optional.of(new Refusal(406, null, INVALID_REQUEST,
                    "Accept must list application/json and text/event-stream"));
        }
        JsonNode message;
        try {
            message = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return Optional.of(new Refusal(400, null, PARSE_ERROR, "The body is not valid JSON"));
        } catch (IOException e) {
            return Optional.of(new Refusal(400, null, PARSE_ERROR, "The body could not be read"));
        }
        if (message == null || message.isMissingNode()) {
            return Optional.of(new Refusal(400, null, PARSE_ERROR, "The body is empty"));
        }
        if (message.isArray()) {
            return Optional.of(new Refusal(400, null, INVALID_REQUEST, "Batch requests are not supported"));
        }
        if (!message.isObject()) {
            return Optional.of(new Refusal(400, null, INVALID_REQUEST, "A JSON-RPC message must be an object"));
        }
        Object id = idOf(message.get("id"));
        if (!"2.0".equals(message.path("jsonrpc").asText(null))) {
            return Optional.of(new Refusal(400, id, INVALID_REQUEST, "\"jsonrpc\" must be \"2.0\""));
        }
        JsonNode method = message.get("method");
        boolean isResponse = method == null && (message.has("result") || message.has("error"));
        if (!isResponse && (method == null || !method.isTextual())) {
            return Optional.of(new Refusal(400, id, INVALID_REQUEST, "\"method\" must be a string"));
        }
        JsonNode rawId = message.get("id");
        if (rawId != null && !(rawId.isTextual() || rawId.isIntegralNumber() || rawId.isNull())) {
            return Optional.of(new Refusal(400, null, INVALID_REQUEST, "\"id\" must be a string or an integer"));
        }
        JsonNode params = message.get("params");
        if (params != null && !params.isObject() && !params.isNull()) {
            return Optional.of(new Refusal(400, id, INVALID_PARAMS, "\"params\" must be an object"));
        }
        if (method != null && "initialize".equals(method.asText())
                && (params == null || !params.path("protocolVersion").isTextual())) {
            return Optional.of(new Refusal(400, id, INVALID_PARAMS,
                    "initialize needs params with protocolVersion, capabilities and clientInfo"));
        }
        return Optional.empty();
    }

    private static Object idOf(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return id.asLong();
        }
        return id.isTextual() ? id.asText() : null;
    }
}
