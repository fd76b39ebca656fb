package dev.memoria.server.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON-RPC error we answer ourselves, and the HTTP status it travels with on {@code /mcp} (stdio has none).
 * The message is always our own text, never an exception's.
 */
record JsonRpcError(int status, Object id, int code, String message) {

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

    /** The specification's name for a code, for errors whose original message cannot be shown. */
    static String genericMessage(int code) {
        return switch (code) {
            case JsonRpcPrecheck.PARSE_ERROR -> "Parse error";
            case JsonRpcPrecheck.INVALID_REQUEST -> "Invalid request";
            case -32601 -> "Method not found";
            case JsonRpcPrecheck.INVALID_PARAMS -> "Invalid params";
            default -> "Internal error";
        };
    }
}
