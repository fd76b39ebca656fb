package dev.memoria.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The last line of defence between the SDK and the client, on both transports. The SDK builds some errors from
 * exceptions: an internal error carries {@code e.getMessage()} (Jackson's, with class names), and on HTTP some
 * failures are the {@code McpError} exception itself serialised, stack frames and all. Whatever {@link
 * JsonRpcPrecheck} did not catch first is rewritten here: a -32603, or any error whose text names Java
 * internals, keeps its code and gets the specification's generic message; a body that is not a JSON-RPC message
 * becomes an internal-error envelope. Successful results pass untouched (a tool result may well quote a memory
 * that mentions an exception).
 */
final class ErrorScrubber {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorScrubber.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Exception names, stack frames, source positions and package-qualified names of the runtime and libraries. */
    static final Pattern INTERNALS = Pattern.compile("Exception|\\bat [a-z][\\w$]*\\.|\\.java:\\d|\\$[A-Z]"
            + "|\\b(?:java|javax|jakarta|sun|com\\.fasterxml|io\\.modelcontextprotocol|reactor|org\\.eclipse"
            + "|io\\.javalin|dev\\.memoria)\\.[\\w$]");

    private ErrorScrubber() {
    }

    /**
     * @param json        one message as the SDK wrote it
     * @param fallbackId  the id of the request it answers, for bodies that lost it
     * @return the message to send: the same text when nothing had to change
     */
    static String scrub(String json, Object fallbackId) {
        JsonNode message;
        try {
            message = MAPPER.readTree(json);
        } catch (IOException e) {
            message = null;
        }
        if (message == null || !message.isObject()) {
            return internal(fallbackId, json);
        }
        if (!message.has("jsonrpc")) {
            // the SDK's McpError serialised as a bean: keep its code, drop everything else
            int code = message.path("jsonRpcError").path("code").asInt(JsonRpcPrecheck.INTERNAL_ERROR);
            LOG.debug("MCP error body replaced: {}", json);
            return write(new JsonRpcError(0, fallbackId, code, JsonRpcError.genericMessage(code)).envelope());
        }
        JsonNode error = message.get("error");
        if (error == null || !error.isObject()) {
            return json;
        }
        int code = error.path("code").asInt(JsonRpcPrecheck.INTERNAL_ERROR);
        boolean leaks = INTERNALS.matcher(error.path("message").asText("")).find()
                || (error.has("data") && INTERNALS.matcher(error.get("data").toString()).find());
        if (code != JsonRpcPrecheck.INTERNAL_ERROR && !leaks && error.path("message").isTextual()) {
            return json;
        }
        LOG.debug("MCP error message replaced: {}", json);
        ObjectNode clean = MAPPER.createObjectNode().put("code", code).put("message", JsonRpcError.genericMessage(code));
        ((ObjectNode) message).set("error", clean);
        return message.toString();
    }

    private static String internal(Object id, String original) {
        LOG.debug("MCP output that is not a JSON-RPC message replaced: {}", original);
        return write(new JsonRpcError(0, id, JsonRpcPrecheck.INTERNAL_ERROR, "Internal error").envelope());
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings and numbers is always serialisable", e);
        }
    }
}
