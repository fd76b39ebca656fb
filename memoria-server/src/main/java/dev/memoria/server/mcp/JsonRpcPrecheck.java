package dev.memoria.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * What the MCP SDK would otherwise answer with a serialised Java exception (stack frames, class names) or a
 * -32603 carrying a Jackson message: a body that is not JSON, a batch, a message that is not JSON-RPC 2.0,
 * parameters of the wrong shape for the methods we serve, the wrong media types. Each becomes a JSON-RPC error
 * envelope with the specification's code and a message for the client, decided before the SDK sees the message.
 * Shared by both transports: HTTP adds the media-type checks, stdio accepts responses (the client may answer a
 * server request there) where the stateless HTTP server has nothing to match them to.
 */
final class JsonRpcPrecheck {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;

    /** {@code "{...} trailing"} is not one JSON value; without this Jackson would read the first and ignore the rest. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonRpcPrecheck() {
    }

    /** The HTTP checks: media types first (nothing else matters if the client cannot read our answer), then the body. */
    static Optional<JsonRpcError> check(String contentType, String accept, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Optional.of(new JsonRpcError(415, null, INVALID_REQUEST, "Content-Type must be application/json"));
        }
        String accepted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (!(accepted.contains("application/json") || accepted.contains("*/*"))
                || !(accepted.contains("text/event-stream") || accepted.contains("*/*"))) {
            return Optional.of(new JsonRpcError(406, null, INVALID_REQUEST,
                    "Accept must list application/json and text/event-stream"));
        }
        return message(body, false);
    }

    /** One JSON-RPC message; {@code responsesExpected} when the server may have sent requests of its own. */
    static Optional<JsonRpcError> message(byte[] body, boolean responsesExpected) {
        JsonNode message;
        try {
            message = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return Optional.of(new JsonRpcError(400, null, PARSE_ERROR, "The message is not valid JSON"));
        } catch (IOException e) {
            return Optional.of(new JsonRpcError(400, null, PARSE_ERROR, "The message could not be read"));
        }
        if (message == null || message.isMissingNode()) {
            return Optional.of(new JsonRpcError(400, null, PARSE_ERROR, "The message is empty"));
        }
        if (message.isArray()) {
            return Optional.of(new JsonRpcError(400, null, INVALID_REQUEST, "Batch requests are not supported"));
        }
        if (!message.isObject()) {
            return Optional.of(new JsonRpcError(400, null, INVALID_REQUEST, "A JSON-RPC message must be an object"));
        }
        return envelope(message, responsesExpected);
    }

    private static Optional<JsonRpcError> envelope(JsonNode message, boolean responsesExpected) {
        Object id = idOf(message);
        if (!message.path("jsonrpc").isTextual() || !"2.0".equals(message.get("jsonrpc").asText())) {
            return Optional.of(new JsonRpcError(400, id, INVALID_REQUEST, "\"jsonrpc\" must be \"2.0\""));
        }
        JsonNode rawId = message.get("id");
        // beyond a long the SDK's stdio session fails on the id and stops reading altogether
        if (rawId != null && !(rawId.isTextual() || (rawId.isIntegralNumber() && rawId.canConvertToLong())
                || rawId.isNull())) {
            return Optional.of(new JsonRpcError(400, null, INVALID_REQUEST, "\"id\" must be a string or a 64-bit integer"));
        }
        JsonNode method = message.get("method");
        boolean isResponse = method == null && (message.has("result") || message.has("error"));
        if (isResponse) {
            return responsesExpected ? Optional.empty() : Optional.of(new JsonRpcError(400, id, INVALID_REQUEST,
                    "This server sends no requests, so it expects no responses"));
        }
        if (method == null || !method.isTextual()) {
            return Optional.of(new JsonRpcError(400, id, INVALID_REQUEST, "\"method\" must be a string"));
        }
        JsonNode params = message.get("params");
        if (params != null && !params.isObject() && !params.isNull()) {
            return Optional.of(new JsonRpcError(400, id, INVALID_PARAMS, "\"params\" must be an object"));
        }
        return ParamsCheck.problem(method.asText(), params == null || params.isNull() ? null : params)
                .map(problem -> new JsonRpcError(400, id, INVALID_PARAMS, problem));
    }

    /** The request id to echo in an error, when the message is an object with a usable one. */
    static Object idOf(byte[] body) {
        try {
            JsonNode message = MAPPER.readTree(body);
            return message == null ? null : idOf(message);
        } catch (IOException e) {
            return null;
        }
    }

    private static Object idOf(JsonNode message) {
        JsonNode id = message.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return id.asLong();
        }
        return id.isTextual() ? id.asText() : null;
    }
}
