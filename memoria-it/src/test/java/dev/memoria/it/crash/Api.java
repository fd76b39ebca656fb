package dev.memoria.it.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/** The few REST calls the crash and race suites make, as one user, with the master key. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response; {@code status} 0 with {@code body} null never happens: a transport failure throws instead. */
    record Reply(int status, JsonNode body, String text) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final String baseUrl;
    private final String user;

    Api(String baseUrl, String user) {
        this.baseUrl = baseUrl;
        this.user = user;
    }

    Api as(String otherUser) {
        return new Api(baseUrl, otherUser);
    }

    Reply call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ServerProcess.MASTER_KEY)
                .header("X-User-Id", user);
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (IOException notJson) {
            // kept as text for the failure message
        }
        return new Reply(response.statusCode(), json, response.body());
    }

    /** The contents of every active memory on {@code branch} (main when null), or as of a snapshot. */
    Set<String> contents(String branch, String asOfSnapshot) throws IOException, InterruptedException {
        Set<String> contents = new TreeSet<>();
        String cursor = null;
        do {
            StringBuilder path = new StringBuilder("/v1/memories?limit=500");
            if (branch != null) {
                path.append("&branch=").append(encode(branch));
            }
            if (asOfSnapshot != null) {
                path.append("&as_of_snapshot=").append(encode(asOfSnapshot));
            }
            if (cursor != null) {
                path.append("&cursor=").append(encode(cursor));
            }
            Reply page = call("GET", path.toString(), null);
            if (page.status() != 200) {
                throw new IllegalStateException("listing " + path + " answered " + page.status() + ": " + page.text());
            }
            page.body().get("items").forEach(item -> contents.add(item.get("content").asText()));
            JsonNode next = page.body().get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);
        return contents;
    }

    /** Names of the user's branches other than main. */
    Set<String> branches() throws IOException, InterruptedException {
        Set<String> names = new TreeSet<>();
        Reply reply = call("GET", "/v1/branches", null);
        JsonNode list = reply.body().isArray() ? reply.body() : reply.body().path("branches");
        list.forEach(b -> {
            String name = b.path("name").asText();
            if (!"main".equals(name)) {
                names.add(name);
            }
        });
        return names;
    }

    /** Names of the user's snapshots, safety snapshots included when asked. */
    Set<String> snapshots(boolean withSafety) throws IOException, InterruptedException {
        Set<String> names = new LinkedHashSet<>();
        int offset = 0;
        while (true) {
            Reply reply = call("GET", "/v1/snapshots?limit=100&offset=" + offset, null);
            JsonNode list = reply.body().isArray() ? reply.body() : reply.body().path("snapshots");
            list.forEach(s -> {
                String name = s.path("name").asText(s.path("snapshot_name").asText());
                if (withSafety || !name.startsWith("pre_")) {
                    names.add(name);
                }
            });
            if (list.size() < 100) {
                return names;
            }
            offset += list.size();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
