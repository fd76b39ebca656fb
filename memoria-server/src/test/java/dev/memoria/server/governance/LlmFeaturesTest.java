package dev.memoria.server.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.http.ApiClient;
import dev.memoria.server.TestServers;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.memoria.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM features end to end: the server talks to a real HTTP server speaking the OpenAI chat protocol, whose
 * replies each test scripts — good JSON, JSON in code fences, garbage, and errors.
 */
class LlmFeaturesTest {

    static final String MASTER = "llm-master-key-0123456789abcdef";

    @TempDir
    static Path dataDir;
    static FakeChatServer chat;
    static MemoriaServer server;
    static ApiClient anonymous;

    @BeforeAll
    static void start() throws Exception {
        chat = new FakeChatServer();
        server = TestServers.keywordOnly(dataDir, MASTER, Map.of("memoria.rate-limit-auth-keys", "100000,60",
                "memoria.llm.api-key", "sk-test", "memoria.llm.base-url", chat.baseUrl(), "memoria.llm.model", "fake-model"));
        anonymous = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        chat.close();
    }

    static ApiClient fresh() {
        return anonymous.asMaster(MASTER, "llm-" + UUID.randomUUID());
    }

    @Test
    void observeStoresWhatTheModelExtractsAsT3() {
        chat.answer(prompt -> "```json\n{\"memories\": [{\"type\": \"profile\", \"content\": \"User prefers Rust for CLIs\","
                + " \"confidence\": 1.0}, {\"type\": \"nonsense\", \"content\": \"Project uses PostgreSQL 16\"},"
                + " {\"type\": \"semantic\", \"content\": \"  \"}]}\n```");
        ApiClient user = fresh();
        JsonNode observed = user.post("/v1/observe", json(Map.of("messages", List.of(
                Map.of("role", "user", "content", "I always write CLIs in Rust; our project runs PostgreSQL 16"),
                Map.of("role", "assistant", "content", "Noted!"))))).json();
        assertThat(observed.get("memories")).hasSize(2);
        JsonNode first = user.get("/v1/memories/" + observed.get("memories").get(0).get("memory_id").asText()).json();
        assertThat(first.get("trust_tier").asText()).isEqualTo("T3");
        assertThat(first.get("memory_type").asText()).isEqualTo("profile");
        assertThat(observed.get("memories").get(1).get("memory_type").asText()).isEqualTo("semantic");
        JsonNode sent = chat.requests().get(chat.requests().size() - 1);
        assertThat(sent.get("model").asText()).isEqualTo("fake-model");
        assertThat(sent.get("messages").get(1).get("content").asText()).contains("[user]: I always write CLIs");
    }

    @Test
    void garbageFromTheModelFallsBackToStoringMessagesAsIs() {
        chat.answer(prompt -> "Sure! Here are the memories: {not json");
        ApiClient user = fresh();
        ApiClient.Response observed = user.post("/v1/observe", json(Map.of("messages", List.of(
                Map.of("role", "user", "content", "my favourite editor is Helix")))));
        assertThat(observed.status()).isEqualTo(200);
        assertThat(observed.json().get("memories")).hasSize(1);
        assertThat(observed.json().get("memories").get(0).get("content").asText()).isEqualTo("my favourite editor is Helix");
    }

    @Test
    void sessionSummarySyncAndAsyncAndMalformedReplies() throws Exception {
        ApiClient user = fresh();
        for (String content : List.of("debugged the flaky login test", "found a race in the token cache")) {
            user.post("/v1/memories", json(Map.of("content", content, "session_id", "sess-1")));
        }
        chat.answer(prompt -> prompt.contains("key points") ? "{\"points\": [\"fixed flaky test\", \"token cache race\"]}"
                : "{\"topic\": \"Flaky login test\", \"action\": \"Debugged it\", \"outcome\": \"Race fixed\"}");
        JsonNode sync = user.post("/v1/sessions/sess-1/summary", "{\"sync\": true}").json();
        assertThat(sync.get("content").asText())
                .isEqualTo("Session Summary: Flaky login test\n\nActions: Debugged it\n\nOutcome: Race fixed");
        assertThat(sync.get("task_id").isNull()).isTrue();
        assertThat(user.get("/v1/memories/" + sync.get("memory_id").asText()).json().get("memory_type").asText())
                .isEqualTo("episodic");

        JsonNode async = user.post("/v1/sessions/sess-1/summary", "{\"mode\": \"lightweight\"}").json();
        String taskId = async.get("task_id").asText();
        JsonNode task = poll(user, taskId);
        assertThat(task.get("status").asText()).isEqualTo("completed");
        assertThat(task.get("result").get("content").asText()).startsWith("Session Highlights:\n• fixed flaky test");
        // another user cannot see it, and it looks exactly like a missing task
        String other = "other-" + UUID.randomUUID();
        String key = fresh().post("/auth/keys", json(Map.of("user_id", other, "name", "k"))).json().get("raw_key").asText();
        assertThat(anonymous.with("Authorization", "Bearer " + key).get("/v1/tasks/" + taskId).status()).isEqualTo(404);

        chat.answer(prompt -> "I cannot summarise that.");
        ApiClient.Response bad = user.post("/v1/sessions/sess-1/summary", "{\"sync\": true}");
        assertThat(bad.status()).isEqualTo(503);
        String failedTask = user.post("/v1/sessions/sess-1/summary", "{}").json().get("task_id").asText();
        JsonNode failed = poll(user, failedTask);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").get("code").asText()).isEqualTo("GENERATION_ERROR");

        assertThat(user.post("/v1/sessions/empty-session/summary", "{\"sync\": true}").status()).isEqualTo(404);
    }

    @Test
    void transientErrorsAreRetriedAndReflectionStoresT4Insights() {
        ApiClient user = fresh();
        for (int i = 0; i < 3; i++) {
            user.post("/v1/memories", json(Map.of("content", "deploy " + i + " failed until the cache was warmed",
                    "session_id", "s")));
        }
        int[] calls = {0};
        chat.respond(prompt -> ++calls[0] == 1
                ? new MockResponse.Builder().code(503).body("overloaded").build()
                : FakeChatServer.reply("{\"insights\": [{\"type\": \"procedural\", \"content\": "
                + "\"Warm the cache before deploying\", \"confidence\": 0.9}]}"));
        JsonNode reflected = user.post("/v1/reflect", "{}").json();
        assertThat(reflected.get("scenes_created").asInt()).isEqualTo(1);
        assertThat(calls[0]).isGreaterThanOrEqualTo(2);
        JsonNode list = user.get("/v1/memories?memory_type=procedural").json();
        assertThat(list.toString()).contains("Warm the cache before deploying").contains("T4");
        assertThat(user.post("/v1/reflect", "{}").json().get("skipped").asBoolean()).isTrue();
    }

    @Test
    void entityExtractionLinksWhatTheModelNames() {
        ApiClient user = fresh();
        // nothing here that the write-time text rules link: the model is asked
        user.post("/v1/memories", json(Map.of("content", "we migrated billing to postgres and a log-based queue")));
        chat.answer(prompt -> "[{\"name\": \"PostgreSQL\", \"type\": \"tech\"}, {\"name\": \"Kafka\", \"type\": \"weird\"},"
                + " {\"name\": \"\"}]");
        JsonNode done = user.post("/v1/extract-entities", "{}").json();
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("entities_found").asInt()).isEqualTo(2);
        JsonNode entities = user.get("/v1/entities").json().get("entities");
        assertThat(entities.toString()).contains("PostgreSQL").contains("\"entity_type\":\"concept\"");
        assertThat(user.post("/v1/extract-entities", "{}").json().get("status").asText()).isEqualTo("complete");
    }

    static JsonNode poll(ApiClient user, String taskId) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode task = null;
        while (System.nanoTime() < deadline) {
            task = user.get("/v1/tasks/" + taskId).json();
            if (!"processing".equals(task.get("status").asText())) {
                return task;
            }
            Thread.sleep(50);
        }
        return task;
    }
}
