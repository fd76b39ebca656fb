package dev.memoria.server.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Streamable HTTP transport's header rules the SDK version in use does not enforce itself.
 *
 * <p>{@code Origin}: a browser page must not reach a local MCP server through DNS rebinding, so the specification
 * says to refuse a foreign origin with 403. A request without one (every non-browser client) is fine; so are
 * loopback origins and the server's own (same authority as the {@code Host} header), which covers a page served
 * by this server and any reverse proxy that preserves the host.
 *
 * <p>{@code MCP-Protocol-Version}: once negotiated, clients repeat the version on every request; one the server
 * does not speak is a 400, absent is allowed (clients of the first protocol versions never send it).
 */
final class McpHttpHeaders {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private McpHttpHeaders() {
    }

    static Optional<JsonRpcError> check(String origin, String host, String protocolVersion, List<String> supported) {
        if (origin != null && !allowedOrigin(origin, host)) {
            return Optional.of(new JsonRpcError(403, null, JsonRpcPrecheck.INVALID_REQUEST,
                    "Origin " + printable(origin) + " is not allowed"));
        }
        if (protocolVersion != null && !supported.contains(protocolVersion.trim())) {
            return Optional.of(new JsonRpcError(400, null, JsonRpcPrecheck.INVALID_REQUEST,
                    "Unsupported MCP-Protocol-Version; supported: " + String.join(", ", supported)));
        }
        return Optional.empty();
    }

    static boolean allowedOrigin(String origin, String host) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return false; // includes the opaque "null" origin of sandboxed frames and file: pages
        }
        if (LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return host != null && uri.getRawAuthority().equalsIgnoreCase(host.trim());
    }

    /** The header echoed back only as far as it is harmless text. */
    private static String printable(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) : value;
        return "'" + cut.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }
}
