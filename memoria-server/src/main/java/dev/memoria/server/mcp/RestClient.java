package dev.memoria.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The REST API as remote mode sees it: JSON in, JSON out, with the caller's token, acting user and the
 * name of the tool being proxied ({@code X-Memoria-Tool}, which the server records as tool usage).
 * A non-2xx answer becomes the tool error {@code API error <status>: <detail>}.
 */
final class RestClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String baseUrl;
    private final String token;
    private final String user;

    RestClient(String baseUrl, String token, String user) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.user = user;
    }

    JsonNode get(String tool, String path, Map<String, Object> query) {
        return send(tool, request(path + queryString(query)).GET());
    }

    JsonNode post(String tool, String path, Map<String, Object> body) {
        return send(tool, request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    JsonNode put(String tool, String path, Map<String, Object> body) {
        return send(tool, request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    JsonNode delete(String tool, String path) {
        return send(tool, request(path).DELETE());
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Request bodies without the null entries, so absent arguments stay absent. */
    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("X-User-Id", user)
                .header("Accept", "application/json");
    }

    private JsonNode send(String tool, HttpRequest.Builder builder) {
        HttpResponse<String> response;
        try {
            response = http.send(builder.header("X-Memoria-Tool", tool).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ToolError("API unreachable at " + baseUrl + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolError("Interrupted while calling the API");
        }
        String body = response.body() == null ? "" : response.body();
        if (response.statusCode() / 100 != 2) {
            throw new ToolError("API error " + response.statusCode() + ": " + detailOf(body));
        }
        if (body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new ToolError("API returned a body that is not JSON: " + abbreviate(body));
        }
    }

    private String detailOf(String body) {
        try {
            JsonNode json = mapper.readTree(body);
            if (json != null && json.hasNonNull("detail")) {
                return json.get("detail").asText();
            }
        } catch (IOException ignored) {
            // not JSON: show the text itself
        }
        return abbreviate(body);
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    private String json(Map<String, Object> body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new ToolError("arguments cannot be sent as JSON: " + e.getMessage());
        }
    }

    private static String queryString(Map<String, Object> query) {
        StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((key, value) -> {
            if (value != null) {
                joiner.add(segment(key) + "=" + segment(String.valueOf(value)));
            }
        });
        return joiner.toString();
    }
}
