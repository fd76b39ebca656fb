package dev.memoria.server.mcp;

import java.util.Map;

/**
 * The {@code mcp} command line: {@code [--user U] [--api-url URL --token T]}, each falling back to its
 * environment variable ({@code MEMORIA_USER}, {@code MEMORIA_API_URL}, {@code MEMORIA_TOKEN}).
 * With an API URL the tools are proxied to a remote server; without one they run on local storage.
 */
record McpOptions(String user, String apiUrl, String token) {

    static final String DEFAULT_USER = "default";

    boolean remote() {
        return apiUrl != null;
    }

    static McpOptions parse(String[] args, Map<String, String> env) {
        String user = null;
        String apiUrl = null;
        String token = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for " + arg);
            }
            switch (name) {
                case "--user" -> user = value;
                case "--api-url" -> apiUrl = value;
                case "--token" -> token = value;
                case "--transport" -> {
                    if (!value.equals("stdio")) {
                        throw new IllegalArgumentException("only --transport stdio is supported here; "
                                + "Streamable HTTP is served by the server itself at /mcp");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        user = firstNonBlank(user, env.get("MEMORIA_USER"), DEFAULT_USER);
        apiUrl = firstNonBlank(apiUrl, env.get("MEMORIA_API_URL"), null);
        token = firstNonBlank(token, env.get("MEMORIA_TOKEN"), null);
        if (apiUrl != null && token == null) {
            throw new IllegalArgumentException("remote mode needs a token: --token or MEMORIA_TOKEN");
        }
        if (apiUrl != null && apiUrl.endsWith("/")) {
            apiUrl = apiUrl.substring(0, apiUrl.length() - 1);
        }
        return new McpOptions(user.trim(), apiUrl, token);
    }

    private static String firstNonBlank(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return fallback;
    }

    @Override
    public String toString() {
        return "McpOptions[user=" + user + ", apiUrl=" + apiUrl + ", token=" + (token == null ? "none" : "***") + "]";
    }
}
