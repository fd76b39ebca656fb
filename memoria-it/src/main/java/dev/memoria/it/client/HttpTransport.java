package dev.memoria.it.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends one JSON request with the caller's credentials and turns every non-2xx answer into a
 * {@link MemoriaApiException}; the client above it only maps fields.
 */
final class HttpTransport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final String userId;
    private final Duration timeout;

    HttpTransport(HttpClient http, URI base, String token, String userId, Duration timeout) {
        this.http = http;
        // resolve() drops the last path segment of a base without a trailing slash (a server behind /memoria)
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.token = token;
        this.userId = userId;
        this.timeout = timeout;
    }

    /** The same connection pool and credentials, acting for another user (honoured for the master key only). */
    HttpTransport forUser(String otherUser) {
        return new HttpTransport(http, base, token, otherUser, timeout);
    }

    URI base() {
        return base;
    }

    String userId() {
        return userId;
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    private Reply send(String method, String path, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (userId != null) {
            builder.header("X-User-Id", userId);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        String request = method + " /" + path;
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request + " to " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request + " interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw error(response, request);
        }
        return new Reply(response.statusCode(), response.body(), response.headers().firstValue(
                "X-Memoria-Safety-Snapshot"));
    }

    /** The server's {@code {"detail", "code"}} body; anything else (a proxy's HTML page) is kept verbatim. */
    private static MemoriaApiException error(HttpResponse<String> response, String request) {
        String body = response.body();
        try {
            JsonNode json = MAPPER.readTree(body);
            if (json != null && json.isObject() && json.hasNonNull("detail")) {
                return new MemoriaApiException(response.statusCode(), json.path("code").asText(null),
                        json.get("detail").asText(), request);
            }
        } catch (JsonProcessingException e) {
            // not JSON: fall through and report the raw body
        }
        return new MemoriaApiException(response.statusCode(), null, body, request);
    }

    private static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body as JSON", e);
        }
    }

    /**
     * A successful answer.
     *
     * @param status         the 2xx status
     * @param body           the raw body, empty for 204
     * @param safetySnapshot the {@code X-Memoria-Safety-Snapshot} header, if sent
     */
    record Reply(int status, String body, Optional<String> safetySnapshot) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the server answered " + status + " with a body that is not JSON: "
                        + body, e);
            }
        }
    }
}
