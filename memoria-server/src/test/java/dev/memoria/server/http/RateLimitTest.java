package dev.memoria.server.http;

import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.memoria.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {

    static final String MASTER = "limits-master-key-0123456789";

    @TempDir
    Path dataDir;

    @Test
    void apiKeysAreLimitedTheMasterKeyIsNotAndGuessersAreSlowedDown() {
        try (MemoriaServer server = TestServers.keywordOnly(dataDir, MASTER,
                Map.of("memoria.rate-limit-auth-keys", "5,3600"))) {
            ApiClient anonymous = new ApiClient(server.port());
            ApiClient master = anonymous.with("Authorization", "Bearer " + MASTER);
            String key = master.post("/auth/keys", json(Map.of("user_id", "limited"))).json().get("raw_key").asText();
            ApiClient limited = anonymous.with("Authorization", "Bearer " + key);

            for (int i = 0; i < 5; i++) {
                assertThat(limited.get("/v1/memories").status()).isEqualTo(200);
            }
            ApiClient.Response refused = limited.get("/v1/memories");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().get("code").asText()).isEqualTo("rate_limited");
            assertThat(Long.parseLong(refused.headers().get("retry-after"))).isBetween(1L, 3600L);

            for (int i = 0; i < 10; i++) {
                assertThat(master.with("X-User-Id", "limited").get("/v1/memories").status()).isEqualTo(200);
            }

            ApiClient guesser = anonymous.with("Authorization", "Bearer sk-" + "0".repeat(32));
            int unauthorized = 0;
            int limitedAttempts = 0;
            for (int i = 0; i < 40; i++) {
                int status = guesser.get("/v1/memories").status();
                if (status == 401) {
                    unauthorized++;
                } else if (status == 429) {
                    limitedAttempts++;
                }
            }
            assertThat(unauthorized).isEqualTo(30);
            assertThat(limitedAttempts).isEqualTo(10);
        }
    }
}
