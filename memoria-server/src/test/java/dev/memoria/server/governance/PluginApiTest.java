package dev.memoria.server.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memoria.core.governance.plugin.Ed25519;
import dev.memoria.core.governance.plugin.PluginPackage;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.http.ApiClient;
import dev.memoria.server.plugin.PluginCommandAccess;
import dev.memoria.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static dev.memoria.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin admin routes over HTTP: master only, each refusal with its status and code, and a published,
 * approved, activated plugin changing what the admin governance trigger does. Also the CLI's sign output
 * published as-is, and the development directory mode.
 */
class PluginApiTest {

    static final String MASTER = "plugin-master-key-0123456789abc";

    @TempDir
    static Path dataDir;
    static MemoriaServer server;
    static ApiClient master;
    static final KeyPair KEYS = Ed25519.generate();

    @BeforeAll
    static void start() {
        server = TestServers.keywordOnly(dataDir, MASTER, Map.of("memoria.rate-limit-auth-keys", "100000,60"));
        master = new ApiClient(server.port()).asMaster(MASTER, "admin");
        ApiClient.Response registered = master.post("/admin/plugins/signers", json(Map.of("signer", "ops",
                "public_key", Ed25519.encode(KEYS.getPublic()))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String signedPackage(String key, String version, Map<String, Object> policy, KeyPair keys, String signer) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("key", key);
        manifest.put("version", version);
        manifest.put("domain", "governance");
        manifest.put("runtime", "policy");
        manifest.put("compatibility", Map.of("api", "v1"));
        PluginPackage pkg = PluginPackage.fromDocument(Map.of("manifest", manifest, "policy", policy));
        return pkg.withSignature(new PluginPackage.Signature(signer, "ed25519",
                Ed25519.sign(keys.getPrivate(), pkg.digest()))).toJson();
    }

    /** A T4 memory at confidence 1.0 observed 40 days ago: e^(-40/30) = 0.26, kept by the default 0.2. */
    static String fortyDayOldGuess(ApiClient client, String content) {
        ApiClient.Response created = client.post("/v1/memories", json(Map.of("content", content, "memory_type",
                "semantic", "trust_tier", "T4", "initial_confidence", 1.0, "observed_at",
                Instant.now().minus(Duration.ofDays(40)).toString())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("memory_id").asText();
    }

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anApiKeyGets403OnEveryPluginRoute() {
        String user = fresh("user");
        String raw = master.post("/auth/keys", json(Map.of("user_id", user, "name", "k"))).json().get("raw_key")
                .asText();
        ApiClient keyHolder = new ApiClient(server.port()).with("Authorization", "Bearer " + raw);
        for (String path : new String[]{"/admin/plugins", "/admin/plugins/signers", "/admin/plugins/matrix",
                "/admin/plugins/events", "/admin/plugins/domains/governance/bindings"}) {
            assertThat(keyHolder.get(path).status()).as(path).isEqualTo(403);
        }
        ApiClient.Response publish = keyHolder.post("/admin/plugins", signedPackage(fresh("p"), "1.0.0", Map.of(),
                KEYS, "ops"));
        assertThat(publish.status()).isEqualTo(403);
        assertThat(publish.json().get("code").asText()).isEqualTo("master_required");
        assertThat(new ApiClient(server.port()).get("/admin/plugins").status()).isEqualTo(401);
    }

    @Test
    void refusedPackagesAnswer4xxWithCodes() {
        String key = fresh("p");
        PluginPackage unsigned = PluginPackage.fromDocument(Map.of("manifest", Map.of("key", key, "version", "1.0.0",
                "domain", "governance", "runtime", "policy"), "policy", Map.of()));
        assertRefused(unsigned.toJson(), 422, "plugin_unsigned");

        String signed = signedPackage(key, "1.0.0", Map.of("thresholds", Map.of("quarantine", 0.3)), KEYS, "ops");
        assertRefused(signed.replace("0.3", "0.9"), 422, "plugin_signature_invalid");
        assertRefused(signedPackage(key, "1.0.0", Map.of(), Ed25519.generate(), "stranger"), 403,
                "plugin_signer_unknown");

        KeyPair revokedKeys = Ed25519.generate();
        String revoked = fresh("revoked");
        master.post("/admin/plugins/signers", json(Map.of("signer", revoked, "public_key",
                Ed25519.encode(revokedKeys.getPublic()))));
        ApiClient.Response revoke = master.post("/admin/plugins/signers/" + revoked + "/revoke", "");
        assertThat(revoke.status()).as(revoke.body()).isEqualTo(200);
        assertThat(revoke.json().get("is_active").asBoolean()).isFalse();
        assertRefused(signedPackage(key, "1.0.0", Map.of(), revokedKeys, revoked), 403, "plugin_signer_revoked");

        JsonNode events = master.get("/admin/plugins/events?plugin_key=" + key + "&limit=10").json();
        assertThat(events.size()).isEqualTo(4);
        assertThat(events.get(0).get("event_type").asText()).isEqualTo("package.publish_refused");
    }

    private static void assertRefused(String body, int status, String code) {
        ApiClient.Response response = master.post("/admin/plugins", body);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asText()).isEqualTo(code);
        assertThat(response.json().get("detail").asText()).isNotBlank();
    }

    @Test
    void aPublishedApprovedActivatedPluginChangesWhatGovernanceDoes() {
        String user = fresh("gov");
        ApiClient alice = new ApiClient(server.port()).asMaster(MASTER, user);
        // T4 at confidence 1.0, 40 days old: e^(-40/30) = 0.26, above the default 0.2
        String guess = fortyDayOldGuess(alice, "speculative: the cache layer might be redis");
        JsonNode before = master.post("/admin/governance/" + user + "/trigger?op=governance", "").json();
        assertThat(before.get("quarantined").asLong()).isZero();

        String key = fresh("strict");
        ApiClient.Response published = master.post("/admin/plugins", signedPackage(key, "1.0.0",
                Map.of("thresholds", Map.of("quarantine", 0.35)), KEYS, "ops"));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("status").asText()).isEqualTo("pending");
        assertThat(master.post("/admin/plugins/" + key + "/1.0.0/review", json(Map.of("status", "approved")))
                .status()).isEqualTo(200);
        assertThat(master.post("/admin/plugins/" + key + "/1.0.0/score", json(Map.of("score", 90, "notes", "good")))
                .json().get("score").asDouble()).isEqualTo(90.0);
        ApiClient.Response activated = master.post("/admin/plugins/domains/governance/activate",
                json(Map.of("plugin_key", key, "version", "1.0.0")));
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        try {
            JsonNode after = master.post("/admin/governance/" + user + "/trigger?op=governance", "").json();
            assertThat(after.get("quarantined").asLong()).isEqualTo(1);
            assertThat(after.get("policy").asText()).startsWith("plugin:" + key + "@1.0.0");
            assertThat(alice.get("/v1/memories/" + guess).status()).isEqualTo(404);

            JsonNode bindings = master.get("/admin/plugins/domains/governance/bindings?binding=default").json();
            assertThat(bindings).anySatisfy(r -> assertThat(r.get("plugin_key").asText()).isEqualTo(key));
            JsonNode matrix = master.get("/admin/plugins/matrix?domain=governance").json();
            assertThat(matrix).anySatisfy(r -> {
                assertThat(r.get("plugin_key").asText()).isEqualTo(key);
                assertThat(r.get("supported").asBoolean()).isTrue();
            });
            JsonNode listed = master.get("/admin/plugins?domain=governance").json();
            assertThat(listed).anySatisfy(p -> assertThat(p.get("status").asText()).isEqualTo("approved"));
            JsonNode events = master.get("/admin/plugins/events?plugin_key=" + key).json();
            assertThat(events).extracting(e -> e.get("event_type").asText()).contains("package.published",
                    "package.reviewed", "package.scored", "binding.activated", "binding.loaded");
        } finally {
            // leave the shared server on a neutral plugin for the other tests
            String neutral = fresh("neutral");
            master.post("/admin/plugins", signedPackage(neutral, "1.0.0", Map.of(), KEYS, "ops"));
            master.post("/admin/plugins/" + neutral + "/1.0.0/review", json(Map.of("status", "approved")));
            master.post("/admin/plugins/domains/governance/activate", json(Map.of("plugin_key", neutral,
                    "version", "1.0.0")));
        }
    }

    @Test
    void bindingValidationErrorsAreClear() {
        ApiClient.Response missing = master.post("/admin/plugins/domains/governance/bindings",
                json(Map.of("plugin_key", fresh("nothing"))));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asText()).isEqualTo("plugin_not_found");
        ApiClient.Response rollout = master.post("/admin/plugins/domains/governance/bindings",
                json(Map.of("plugin_key", "x", "rollout_percent", 0)));
        assertThat(rollout.status()).isEqualTo(422);
        assertThat(master.get("/admin/plugins/domains/retrieval/bindings").status()).isEqualTo(404);
    }

    @Test
    void theCliSignsADirectoryThatPublishes(@TempDir Path work) throws Exception {
        Path keys = work.resolve("keys");
        String signer = fresh("cli");
        assertThat(PluginCommandAccess.run("keygen", "--signer", signer, "--out", keys.toString())).isZero();
        master.post("/admin/plugins/signers", json(Map.of("signer", signer, "public_key",
                Files.readString(keys.resolve(signer + ".pub")).trim())));
        Path dir = work.resolve("pkg");
        Files.createDirectories(dir);
        String key = fresh("cli-plugin");
        Files.writeString(dir.resolve("manifest.json"), "{\n  \"key\": \"" + key + "\",\n  \"version\": \"1.0.0\",\n"
                + "  \"domain\": \"governance\",\n  \"runtime\": \"policy\"\n}\n");
        Files.writeString(dir.resolve("policy.json"), "{\"retention\": {\"safety_snapshots_keep\": 3}}");
        assertThat(PluginCommandAccess.run("sign", dir.toString(), "--signer", signer, "--key",
                keys.resolve(signer + ".key").toString())).isZero();
        assertThat(PluginCommandAccess.run("verify", dir.toString(), "--public-key",
                keys.resolve(signer + ".pub").toString())).isZero();

        ApiClient.Response published = master.post("/admin/plugins", Files.readString(dir.resolve("package.json")));
        assertThat(published.status()).as(published.body()).isEqualTo(201);

        Files.writeString(dir.resolve("policy.json"), "{\"retention\": {\"safety_snapshots_keep\": 1}}");
        assertThat(PluginCommandAccess.run("verify", dir.toString(), "--public-key",
                keys.resolve(signer + ".pub").toString())).isEqualTo(1);
    }

    @Test
    void aPluginDirectoryIsLoadedWithoutSignatureAtStartUp(@TempDir Path work) throws Exception {
        Path dir = work.resolve("strict");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.json"), "{\"key\": \"local-strict\", \"version\": \"0.1.0\", "
                + "\"domain\": \"governance\", \"runtime\": \"policy\"}");
        Files.writeString(dir.resolve("policy.json"), "{\"thresholds\": {\"quarantine\": 0.35}}");
        try (MemoriaServer dev = TestServers.keywordOnly(work.resolve("data"), MASTER,
                Map.of("memoria.governance.plugin-dir", dir.toString()))) {
            ApiClient admin = new ApiClient(dev.port()).asMaster(MASTER, "dev-user");
            fortyDayOldGuess(admin, "speculative: maybe postgres");
            JsonNode report = admin.post("/admin/governance/dev-user/trigger?op=governance", "").json();
            assertThat(report.get("quarantined").asLong()).isEqualTo(1);
            assertThat(report.get("policy").asText()).startsWith("dev:" + dir).contains("local-strict@0.1.0");
        }
    }
}
