package dev.memoria.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * The shape of the parameters of the methods this server implements. The SDK binds them to its own records and
 * reports a mismatch as an internal error carrying Jackson's message (class names included); checked here, a
 * client gets -32602 and a sentence naming the field instead. Methods not listed are left to the SDK.
 */
final class ParamsCheck {

    private ParamsCheck() {
    }

    /** @param params the request's params object, or null when absent */
    static Optional<String> problem(String method, JsonNode params) {
        if (params != null && present(params.get("_meta")) && !params.get("_meta").isObject()) {
            return Optional.of("\"_meta\" must be an object");
        }
        return switch (method) {
            case "initialize" -> initialize(params);
            case "tools/call" -> toolsCall(params);
            case "tools/list" -> params != null && present(params.get("cursor")) && !params.get("cursor").isTextual()
                    ? Optional.of("\"cursor\" must be a string") : Optional.empty();
            case "logging/setLevel" -> params != null && LEVELS.contains(params.path("level").asText(""))
                    && params.get("level").isTextual() ? Optional.empty()
                    : Optional.of("\"level\" must be one of " + String.join(", ", LEVELS));
            default -> Optional.empty();
        };
    }

    /** The syslog severities of the MCP logging utility. */
    private static final List<String> LEVELS = List.of("debug", "info", "notice", "warning", "error", "critical",
            "alert", "emergency");
    /** The client capabilities the SDK binds to records of its own: anything but an object fails there. */
    private static final List<String> CAPABILITY_OBJECTS = List.of("roots", "sampling", "elicitation", "experimental");

    private static Optional<String> initialize(JsonNode params) {
        if (params == null || !params.path("protocolVersion").isTextual()
                || !params.path("capabilities").isObject() || !params.path("clientInfo").isObject()) {
            return Optional.of("initialize needs params with protocolVersion (string), capabilities (object) "
                    + "and clientInfo (object)");
        }
        for (String capability : CAPABILITY_OBJECTS) {
            JsonNode value = params.get("capabilities").get(capability);
            if (present(value) && !value.isObject()) {
                return Optional.of("capabilities." + capability + " must be an object");
            }
        }
        JsonNode info = params.get("clientInfo");
        if (!info.path("name").isTextual() || (present(info.get("version")) && !info.get("version").isTextual())) {
            return Optional.of("clientInfo needs a name and a version (strings)");
        }
        return Optional.empty();
    }

    private static Optional<String> toolsCall(JsonNode params) {
        if (params == null || !params.path("name").isTextual() || params.get("name").asText().isBlank()) {
            return Optional.of("tools/call needs params with the tool's name (string)");
        }
        JsonNode arguments = params.get("arguments");
        if (present(arguments) && !arguments.isObject()) {
            return Optional.of("\"arguments\" must be an object of named arguments");
        }
        return Optional.empty();
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }
}
