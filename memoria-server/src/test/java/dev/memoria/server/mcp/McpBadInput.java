package dev.memoria.server.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bad messages both sweeps send, over HTTP and over stdio: the same list, so the transports cannot drift. */
final class McpBadInput {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Values that do not fit any argument: wrong types, extremes, control and multi-byte characters. */
    static final List<Object> ODD_VALUES = List.of(Map.of("nested", List.of(true)), List.of(1, "two"), 12345, true,
            "", "\u0000\u0007\u001b[31m ☃ 𝄞 中文 \uFEFF", 1e308, new BigInteger("9".repeat(90)), -1, "x".repeat(20_000));

    private McpBadInput() {
    }

    /** Malformed or ill-shaped JSON-RPC, by name; each must be answered with a JSON-RPC error. */
    static Map<String, byte[]> messages() {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        texts().forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        bytes.put("invalid UTF-8", new byte[]{'{', '"', 'j', 's', 'o', 'n', 'r', 'p', 'c', '"', ':', '"', (byte) 0xC3,
                (byte) 0x28, '"', '}'});
        return bytes;
    }

    private static Map<String, String> texts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("not JSON", "hello there");
        m.put("truncated JSON", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
        m.put("trailing garbage", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}}");
        m.put("deep nesting", "[".repeat(3000) + "]".repeat(3000));
        m.put("empty batch", "[]");
        m.put("batch", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");
        m.put("a string", "\"ping\"");
        m.put("a number", "42");
        m.put("null", "null");
        m.put("no jsonrpc", "{\"id\":1,\"method\":\"ping\"}");
        m.put("jsonrpc 1.0", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}");
        m.put("jsonrpc as number", "{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}");
        m.put("no method", "{\"jsonrpc\":\"2.0\",\"id\":1}");
        m.put("method null", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":null}");
        m.put("method object", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":{\"a\":1}}");
        m.put("id object", "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}");
        m.put("id fraction", "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}");
        m.put("id boolean", "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}");
        m.put("id huge", "{\"jsonrpc\":\"2.0\",\"id\":" + "9".repeat(60) + ",\"method\":\"ping\"}");
        m.put("params array", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[1]}");
        m.put("params string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":\"x\"}");
        m.put("unknown method", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}");
        m.put("initialize bare", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}");
        m.put("initialize empty", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
        m.put("initialize version number", init("2025", "{}", "{\"name\":\"c\",\"version\":\"1\"}"));
        m.put("initialize capabilities array", init("\"2025-03-26\"", "[1]", "{\"name\":\"c\",\"version\":\"1\"}"));
        m.put("initialize roots not object", init("\"2025-03-26\"", "{\"roots\":5}", "{\"name\":\"c\",\"version\":\"1\"}"));
        m.put("initialize clientInfo string", init("\"2025-03-26\"", "{}", "\"me\""));
        m.put("initialize clientInfo name number", init("\"2025-03-26\"", "{}", "{\"name\":5,\"version\":\"1\"}"));
        m.put("tools/call bare", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}");
        m.put("tools/call name number", call("5", "{}"));
        m.put("tools/call name blank", call("\" \"", "{}"));
        m.put("tools/call unknown tool", call("\"no_such_tool\"", "{}"));
        m.put("tools/call arguments array", call("\"memory_store\"", "[\"x\"]"));
        m.put("tools/call arguments string", call("\"memory_store\"", "\"content=x\""));
        m.put("tools/call arguments number", call("\"memory_list\"", "7"));
        m.put("tools/call _meta string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"memory_list\",\"arguments\":{},\"_meta\":\"x\"}}");
        m.put("tools/list cursor object", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":"
                + "{\"cursor\":{\"a\":1}}}");
        m.put("logging/setLevel bad level", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\","
                + "\"params\":{\"level\":{\"x\":1}}}");
        return m;
    }

    private static String init(String version, String capabilities, String clientInfo) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":" + version
                + ",\"capabilities\":" + capabilities + ",\"clientInfo\":" + clientInfo + "}}";
    }

    private static String call(String name, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":" + name
                + ",\"arguments\":" + arguments + "}}";
    }

    /**
     * For every tool in the catalogue (hidden ones included) and every argument it declares, one call with that
     * argument set to each odd value, the others left out.
     */
    static List<String> oddToolCalls(int firstId) throws Exception {
        List<String> calls = new ArrayList<>();
        int id = firstId;
        for (ToolSpec tool : ToolCatalog.all()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) tool.inputSchema().getOrDefault("properties", Map.of());
            List<String> names = new ArrayList<>(properties.keySet());
            names.add("not_an_argument");
            for (String argument : names) {
                for (Object value : ODD_VALUES) {
                    Map<String, Object> params = Map.of("name", tool.name(), "arguments", Map.of(argument, value));
                    calls.add(MAPPER.writeValueAsString(Map.of("jsonrpc", "2.0", "id", id++, "method", "tools/call",
                            "params", params)));
                }
            }
        }
        return calls;
    }
}
