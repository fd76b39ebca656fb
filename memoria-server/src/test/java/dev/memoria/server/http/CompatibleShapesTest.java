package dev.memoria.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.memoria.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes the existing service's clients read, on a real server: the key listing as a bare array, both
 * {@code expires_at} forms, the admin totals and the paged user directory.
 */
class CompatibleShapesTest {

    static final String MASTER = "compat-master-key-0123456789";

    @TempDir
    static Path dataDir;
    static MemoriaServer server;
    static ApiClient anonymous;

    @BeforeAll
    static void start() {
        server = TestServers.keywordOnly(dataDir, MASTER);
        anonymous = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient master(String user) {
        return anonymous.asMaster(MASTER, user);
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode createKey(String user, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("user_id", user, "name", "k"));
        body.putAll(extra);
        ApiClient.Response created = master("default").post("/auth/keys", json(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void keyListingIsABareArrayOfTheCallersActiveKeysNewestFirst() {
        String user = fresh("lister");
        JsonNode older = createKey(user, Map.of());
        JsonNode revoked = createKey(user, Map.of());
        JsonNode newest = createKey(user, Map.of());
        createKey(fresh("someone-else"), Map.of());
        assertThat(master("default").delete("/auth/keys/" + revoked.get("key_id").asText()).status()).isEqualTo(204);

        ApiClient asKey = anonymous.with("Authorization", "Bearer " + older.get("raw_key").asText());
        JsonNode listed = asKey.get("/auth/keys").json();
        assertThat(listed.isArray()).as(listed.toString()).isTrue();
        List<String> ids = new ArrayList<>();
        listed.forEach(k -> ids.add(k.get("key_id").asText()));
        assertThat(ids).containsExactly(newest.get("key_id").asText(), older.get("key_id").asText());
        assertThat(listed.get(0).get("user_id").asText()).isEqualTo(user);
        assertThat(listed.get(0).has("raw_key")).isFalse();
        assertThat(master(user).get("/auth/keys").json().size()).as("the master key lists the acting user's").isEqualTo(2);
    }

    @Test
    void expiresAtTakesTheNaiveUtcFormAndRfc3339AndRefusesAnythingElseWith400() {
        String user = fresh("expiring");
        JsonNode naive = createKey(user, Map.of("expires_at", "2999-12-31 23:59:59"));
        assertThat(naive.get("expires_at").asText()).startsWith("2999-12-31T23:59:59");
        JsonNode fractional = createKey(user, Map.of("expires_at", "2999-12-31 23:59:59.123456"));
        assertThat(fractional.get("expires_at").asText()).startsWith("2999-12-31T23:59:59.123456");
        JsonNode offset = createKey(user, Map.of("expires_at", "2999-12-31T23:59:59+02:00"));
        assertThat(offset.get("expires_at").asText()).startsWith("2999-12-31T21:59:59");

        ApiClient.Response past = master("default").post("/auth/keys",
                json(Map.of("user_id", user, "name", "k", "expires_at", "2001-01-01 00:00:00")));
        assertThat(past.status()).as("parsed, and in the past: " + past.body()).isEqualTo(422);
        assertThat(past.json().get("code").asText()).isEqualTo("invalid_expiry");
        ApiClient withLive = anonymous.with("Authorization", "Bearer " + naive.get("raw_key").asText());
        assertThat(withLive.get("/v1/memories").status()).isEqualTo(200);

        for (String bad : new String[]{"tomorrow", "2026-13-01 00:00:00", "2026-12-31 25:00:00",
                "31/12/2026 23:59:59", "1735725600"}) {
            ApiClient.Response refused = master("default").post("/auth/keys",
                    json(Map.of("user_id", user, "name", "k", "expires_at", bad)));
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.json().get("code").asText()).isEqualTo("invalid_timestamp");
            assertThat(refused.json().get("detail").asText()).contains("expires_at");
        }
        assertThat(master(user).get("/auth/keys").json().size()).as("no refused request made a key").isEqualTo(3);
    }

    @Test
    void adminStatsUseTheExistingFieldNames() {
        String user = fresh("counted");
        master(user).post("/v1/memories", json(Map.of("content", "one memory to count")));
        master(user).post("/v1/snapshots", json(Map.of("name", "counted")));

        JsonNode stats = master("default").get("/admin/stats").json();
        assertThat(stats.get("total_users").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("total_memories").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("total_snapshots").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode userStats = master("default").get("/admin/users/" + user + "/stats").json();
        assertThat(userStats.get("memory_count").asLong()).isEqualTo(1);
        assertThat(userStats.get("snapshot_count").asLong()).isEqualTo(1);
        assertThat(master("default").get("/admin/users/" + user + "/keys").json().get("user_id").asText())
                .isEqualTo(user);
    }

    @Test
    void theUserDirectoryIsPagedByCursor() {
        String prefix = fresh("dir") + "-";
        for (String suffix : new String[]{"c", "a", "e", "b", "d"}) {
            master(prefix + suffix).post("/v1/memories", json(Map.of("content", "present")));
        }
        List<String> seen = new ArrayList<>();
        String cursor = prefix;
        int pages = 0;
        while (cursor != null && cursor.startsWith(prefix) && pages++ < 10) {
            JsonNode page = master("default").get("/admin/users?limit=2&cursor=" + cursor).json();
            assertThat(page.get("users").size()).isLessThanOrEqualTo(2);
            page.get("users").forEach(u -> seen.add(u.get("user_id").asText()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        }
        assertThat(seen.stream().filter(u -> u.startsWith(prefix)).toList())
                .containsExactly(prefix + "a", prefix + "b", prefix + "c", prefix + "d", prefix + "e");

        JsonNode last = master("default").get("/admin/users?limit=1000&cursor=" + prefix + "e").json();
        assertThat(last.get("next_cursor").isNull()).as("a short page is the last").isTrue();
        assertThat(master("default").get("/admin/users?limit=0").status()).isEqualTo(422);
        assertThat(master("default").get("/admin/users?limit=1001").status()).isEqualTo(422);
        ApiClient.Response notANumber = master("default").get("/admin/users?limit=many");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("code").asText()).isEqualTo("invalid_query");
    }
}
