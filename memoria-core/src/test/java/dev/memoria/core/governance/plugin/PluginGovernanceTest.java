package dev.memoria.core.governance.plugin;

import dev.memoria.core.Memoria;
import dev.memoria.core.governance.GovernanceOps;
import dev.memoria.core.governance.GovernanceReport;
import dev.memoria.core.testing.InMemoryCoordination;
import dev.memoria.core.testing.InMemoryPluginRegistry;
import dev.memoria.core.testing.InMemoryStorage;
import dev.memoria.core.testing.WordHashEmbedder;
import dev.memoria.ports.error.MemoriaException;
import dev.memoria.ports.error.UnavailableException;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;
import dev.memoria.ports.out.PolicyEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Governance plugins end to end over the in-memory ports: a bound plugin really changes what governance does,
 * unsafe packages are refused, binding rules resolve as documented, and the dev directory and remote runtimes work.
 */
class PluginGovernanceTest {

    private final Instant now = Instant.parse("2026-11-01T10:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final InMemoryStorage storage = new InMemoryStorage(clock);
    private final InMemoryCoordination coordination = new InMemoryCoordination(clock);
    private final InMemoryPluginRegistry registryStore = new InMemoryPluginRegistry();
    private final PluginFixtures ops = new PluginFixtures("ops");
    private final AtomicReference<PolicyEndpoint> remote = new AtomicReference<>();

    private Memoria memoria(PluginSettings settings) {
        return Memoria.builder().storage(storage.ports()).embedder(new WordHashEmbedder()).clock(clock)
                .coordination(coordination.ports()).instanceId("test-instance").pluginRegistry(registryStore)
                .pluginSettings(settings).policyEndpoint((url, request, timeout) -> remote.get()
                        .consult(url, request, timeout)).build();
    }

    private final Memoria memoria = memoria(new PluginSettings("default", "system", null, null, "0.1.0"));
    private final PluginRegistry plugins = memoria.plugins();

    /** A T4 memory observed 40 days ago: effective confidence e^(-40/30) = 0.26, kept by the default 0.2. */
    private Memory fortyDayOldGuess(String user) {
        return memoria.store(new StoreCommand(Caller.of(user), "speculative note about the caching layer",
                MemoryType.SEMANTIC, TrustTier.T4, 1.0, null, null, now.minus(Duration.ofDays(40)), null));
    }

    /** A T4 memory observed 50 days ago: 0.19, quarantined by the default 0.2. */
    private Memory fiftyDayOldGuess(String user) {
        return memoria.store(new StoreCommand(Caller.of(user), "speculative note about the monolith",
                MemoryType.SEMANTIC, TrustTier.T4, 1.0, null, null, now.minus(Duration.ofDays(50)), null));
    }

    private void publishApproved(String key, String version, Map<String, Object> policy) {
        plugins.publish(ops.signedJson(key, version, policy), "test");
        plugins.review(key, version, "approved", "looks fine", "test");
    }

    private static Map<String, Object> quarantineAt(double threshold) {
        return Map.of("thresholds", Map.of("quarantine", threshold));
    }

    @Test
    void aBoundPluginWithAHigherThresholdQuarantinesWhatTheDefaultKeeps() {
        plugins.registerSigner("ops", ops.publicKey(), "test");
        Memory guess = fortyDayOldGuess("u");
        assertThat(memoria.governance().run(GovernanceOps.GOVERNANCE, "u").count("quarantined")).isZero();

        publishApproved("strict-quarantine", "1.0.0", quarantineAt(0.35));
        plugins.activate("governance", "strict-quarantine", "1.0.0", "default", "test");
        GovernanceReport report = memoria.governance().run(GovernanceOps.GOVERNANCE, "u");

        assertThat(report.count("quarantined")).isEqualTo(1);
        assertThat(memoria.get(Caller.of("u"), guess.memoryId())).isEmpty();
        assertThat((String) report.details().get("policy")).startsWith("plugin:strict-quarantine@1.0.0");
        assertThat(plugins.events(null, "strict-quarantine", null, 50)).extracting(e -> e.eventType())
                .contains("package.published", "package.reviewed", "binding.rule_upserted", "binding.activated",
                        "binding.loaded");
    }

    @Test
    void aPluginThatDisablesQuarantineKeepsWhatTheDefaultWouldEnd() {
        plugins.registerSigner("ops", ops.publicKey(), "test");
        Memory guess = fiftyDayOldGuess("u");
        publishApproved("no-quarantine", "1.0.0", Map.of("tasks", Map.of("quarantine", false)));
        plugins.activate("governance", "no-quarantine", "1.0.0", "default", "test");

        GovernanceReport report = memoria.governance().runScheduled("daily", dev.memoria.core.governance.Cancellation.NEVER);

        assertThat(report.count("quarantined")).isZero();
        assertThat(memoria.get(Caller.of("u"), guess.memoryId())).isPresent();
        assertThat(report.details().get("disabled_tasks")).isEqualTo(List.of("quarantine"));
    }

    @Test
    void aPendingOrRejectedVersionIsNeverUsed() {
        plugins.registerSigner("ops", ops.publicKey(), "test");
        fortyDayOldGuess("u");
        plugins.publish(ops.signedJson("strict", "1.0.0", quarantineAt(0.35)), "test");
        assertThatThrownBy(() -> plugins.activate("governance", "strict", "1.0.0", "default", "test"))
                .hasMessageContaining("No approved version");
        assertThat(memoria.governance().run(GovernanceOps.GOVERNANCE, "u").details().get("policy")).isEqualTo("builtin");
    }

    @Test
    void unsignedPackagesAreRefused() {
        String json = PluginFixtures.unsigned(PluginFixtures.manifest("p-one", "1.0.0"), quarantineAt(0.3)).toJson();
        assertRefused(json, 422, "plugin_unsigned");
    }

    @Test
    void tamperedPackagesAreRefused() {
        plugins.registerSigner("ops", ops.publicKey(), "test");
        PluginPackage signed = ops.signed(PluginFixtures.manifest("p-one", "1.0.0"), quarantineAt(0.3));
        // same signature, policy changed after signing
        PluginPackage tampered = PluginFixtures.unsigned(PluginFixtures.manifest("p-one", "1.0.0"), quarantineAt(0.9))
                .withSignature(signed.signature());
        assertRefused(tampered.toJson(), 422, "plugin_signature_invalid");
        assertThat(plugins.list(null)).isEmpty();
    }

    @Test
    void packagesFromUnknownSignersAreRefused() {
        assertRefused(ops.signedJson("p-one", "1.0.0", Map.of()), 403, "plugin_signer_unknown");
    }

    @Test
    void packagesSignedByAnotherKeyUnderARegisteredNameAreRefused() {
        plugins.registerSigner("ops", new PluginFixtures("ops").publicKey(), "test");
        assertRefused(ops.signedJson("p-one", "1.0.0", Map.of()), 422, "plugin_signature_invalid");
    }

    @Test
    void packagesFromRevokedSignersAreRefusedAndStopResolving() {
        plugins.registerSigner("ops", ops.publicKey(), "test");
        fortyDayOldGuess("u");
        publishApproved("strict", "1.0.0", quarantineAt(0.35));
        plugins.activate("governance", "strict", "1.0.0", "default", "test");
        plugins.revokeSigner("ops", "test");

        assertRefused(ops.signedJson("strict", "1.1.0", Map.of()), 403, "plugin_signer_revoked");
        GovernanceReport report = memoria.governance().run(GovernanceOps.GOVERNANCE, "u");
        assertThat(report.details().get("policy")).isEqualTo("builtin");
        assertThat(report.count("quarantined")).isZero();
        assertThat(plugins.events(null, "strict", null, 50)).extracting(e -> e.eventType())
                .contains("binding.load_failed");
    }

    @Test
    void republishingIdenticalContentIsANoOpButDifferentContentConflicts() {
        plugins.registerSigner("ops", ops.publicKey(), "test");
        String json = ops.signedJson("p-one", "1.0.0", quarantineAt(0.3));
        plugins.publish(json, "test");
        plugins.publish(json, "test");
        assertRefused(ops.signedJson("p-one", "1.0.0", quarantineAt(0.4)), 409, "plugin_version_exists");
    }

    @Test
    void malformedPackagesAreRefusedWithTheirPath() {
        plugins.registerSigner("ops", ops.publicKey(), "test");
        String signature = ",\"signature\":{\"signer\":\"ops\",\"value\":\"AAAA\"}}";
        assertRefused("{\"manifest\":{\"key\":\"p-one\",\"version\":\"1.0.0\",\"domain\":\"governance\","
                + "\"runtime\":\"policy\"},\"policy\":{\"thresholds\":{\"quarantne\":0.3}}" + signature, 422,
                "invalid_plugin");
        assertRefused("{\"manifest\":{\"key\":\"p-one\",\"version\":\"1.0\",\"domain\":\"governance\","
                + "\"runtime\":\"policy\"}" + signature, 422, "invalid_version");
        assertRefused("{\"manifest\": [", 422, "invalid_json");
    }

    private void assertRefused(String json, int status, String code) {
        assertThatThrownBy(() -> plugins.publish(json, "test")).isInstanceOfSatisfying(MemoriaException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(switch (e.kind()) {
                case INVALID -> 422;
                case FORBIDDEN -> 403;
                case CONFLICT -> 409;
                default -> 500;
            }).isEqualTo(status);
        });
        assertThat(plugins.events(null, null, null, 1).get(0).eventType()).isEqualTo("package.publish_refused");
    }

    @Test
    void aSemverSelectorPicksTheHighestMatchingApprovedVersion() {
        plugins.registerSigner("ops", ops.publicKey(), "test");
        publishApproved("tuned", "1.0.0", quarantineAt(0.21));
        publishApproved("tuned", "1.1.0", quarantineAt(0.22));
        publishApproved("tuned", "2.0.0", quarantineAt(0.23));
        plugins.publish(ops.signedJson("tuned", "1.2.0", quarantineAt(0.24)), "test"); // pending: ignored
        plugins.bind("governance", new PluginRegistry.BindingRequest("default", "*", 100, "tuned", "^1.0", 100, null),
                "test");
        assertThat(policyFor("u")).startsWith("plugin:tuned@1.1.0");
    }

    @Test
    void aSubjectSpecificRuleAndALowerPriorityNumberWin() {
        plugins.registerSigner("ops", ops.publicKey(), "test");
        publishApproved("tuned", "1.0.0", quarantineAt(0.21));
        publishApproved("tuned", "1.1.0", quarantineAt(0.22));
        publishApproved("other", "1.0.0", quarantineAt(0.3));
        plugins.bind("governance", new PluginRegistry.BindingRequest("default", "*", 100, "tuned", "*", 100, null),
                "test");
        assertThat(policyFor("u")).startsWith("plugin:tuned@1.1.0");
        plugins.bind("governance", new PluginRegistry.BindingRequest("default", "*", 10, "tuned", "1.0.0", 100, null),
                "test");
        assertThat(policyFor("u")).startsWith("plugin:tuned@1.0.0");
        // a rule for this instance's subject beats every '*' rule; another subject's rule is ignored
        plugins.bind("governance", new PluginRegistry.BindingRequest("default", "system", 500, "other", "*", 100,
                null), "test");
        plugins.bind("governance", new PluginRegistry.BindingRequest("default", "tenant-x", 1, "tuned", "1.1.0", 100,
                null), "test");
        assertThat(policyFor("u")).startsWith("plugin:other@1.0.0");
        // another binding key is not consulted
        plugins.bind("governance", new PluginRegistry.BindingRequest("canary", "*", 1, "tuned", "1.1.0", 100, null),
                "test");
        assertThat(policyFor("u")).startsWith("plugin:other@1.0.0");
    }

    @Test
    void rolloutAdmitsUsersByAStableHashOfTheirId() {
        plugins.registerSigner("ops", ops.publicKey(), "test");
        publishApproved("canary", "1.0.0", quarantineAt(0.3));
        plugins.bind("governance", new PluginRegistry.BindingRequest("default", "*", 100, "canary", "*", 30, null),
                "test");
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String user = "user-" + i;
            boolean expected = RolloutGate.bucket("default", "canary", user) < 30;
            String origin = policyFor(user);
            assertThat(origin.startsWith("plugin:canary")).as(user).isEqualTo(expected);
            (expected ? in : out).add(user);
        }
        assertThat(in).isNotEmpty();
        assertThat(out).isNotEmpty();
        long admitted = java.util.stream.IntStream.range(0, 10_000)
                .filter(i -> RolloutGate.admits(30, "default", "canary", "user-" + i)).count();
        assertThat(admitted).as("share of 10 000 users admitted").isBetween(2_800L, 3_200L);
        assertThat(RolloutGate.bucket("default", "canary", "user-1"))
                .isEqualTo(RolloutGate.bucket("default", "canary", "user-1"));
    }

    private String policyFor(String user) {
        return String.valueOf(memoria.governance().run(GovernanceOps.GOVERNANCE, user).details().get("policy"));
    }

    @Test
    void aPolicyCanChangeTheScheduleIntervals() {
        plugins.registerSigner("ops", ops.publicKey(), "test");
        publishApproved("fast", "1.0.0", Map.of("schedule", Map.of("hourly_secs", 600)));
        assertThat(memoria.governance().scheduleIntervals()).isEmpty();
        plugins.activate("governance", "fast", "1.0.0", "default", "test");
        assertThat(memoria.governance().scheduleIntervals()).containsEntry("hourly", Duration.ofMinutes(10));
    }

    @Test
    void aDevelopmentDirectoryLoadsWithoutASignatureAndWinsOverBindings(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("manifest.json"), """
                {"key": "local-strict", "version": "0.1.0", "domain": "governance", "runtime": "policy"}
                """);
        Files.writeString(dir.resolve("policy.json"), """
                {"thresholds": {"quarantine": 0.35}}
                """);
        PluginPackage dev = PluginDirectory.read(dir);
        Memoria devMemoria = memoria(new PluginSettings("default", "system", dev, dir.toString(), "0.1.0"));
        Memory guess = fortyDayOldGuess("u");

        GovernanceReport report = devMemoria.governance().run(GovernanceOps.GOVERNANCE, "u");

        assertThat(report.count("quarantined")).isEqualTo(1);
        assertThat(devMemoria.get(Caller.of("u"), guess.memoryId())).isEmpty();
        assertThat((String) report.details().get("policy")).startsWith("dev:" + dir).contains("local-strict@0.1.0");
    }

    @Test
    void aDirectoryWithoutManifestIsAConfigurationError(@TempDir Path dir) {
        assertThatThrownBy(() -> PluginDirectory.read(dir)).hasMessageContaining("No manifest.json");
    }

    private Map<String, Object> remoteManifest(String key) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(PluginFixtures.manifest(key, "1.0.0"));
        m.put("runtime", "remote");
        m.put("remote", Map.of("endpoint", "http://plugins.example/plan", "timeout_ms", 1000));
        return m;
    }

    @Test
    void aRemotePluginsAnswerIsLaidOverItsPackagePolicy() {
        plugins.registerSigner("ops", ops.publicKey(), "test");
        plugins.publish(ops.signed(remoteManifest("advisor"), Map.of("tasks", Map.of("consolidate", false)))
                .toJson(), "test");
        plugins.review("advisor", "1.0.0", "approved", null, "test");
        plugins.activate("governance", "advisor", "1.0.0", "default", "test");
        List<Map<String, Object>> requests = new ArrayList<>();
        remote.set((url, request, timeout) -> {
            requests.add(request);
            return Map.of("policy", Map.of("thresholds", Map.of("quarantine", 0.35)));
        });
        Memory guess = fortyDayOldGuess("u");

        GovernanceReport report = memoria.governance().run(GovernanceOps.GOVERNANCE, "u");

        assertThat(report.count("quarantined")).isEqualTo(1);
        assertThat(memoria.get(Caller.of("u"), guess.memoryId())).isEmpty();
        assertThat(report.details().get("disabled_tasks")).isEqualTo(List.of("consolidate"));
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("plugin_key", "advisor").containsEntry("task", "governance");
        });
    }

    @Test
    void aFailingRemotePluginFallsBackToTheBuiltInPolicyAndIsRecorded() {
        plugins.registerSigner("ops", ops.publicKey(), "test");
        plugins.publish(ops.signed(remoteManifest("advisor"), Map.of()).toJson(), "test");
        plugins.review("advisor", "1.0.0", "approved", null, "test");
        plugins.activate("governance", "advisor", "1.0.0", "default", "test");
        remote.set((url, request, timeout) -> {
            throw new UnavailableException("remote_failed", "connection refused");
        });
        fortyDayOldGuess("u");

        GovernanceReport report = memoria.governance().run(GovernanceOps.GOVERNANCE, "u");

        assertThat(report.count("quarantined")).isZero();
        assertThat(report.status()).isEqualTo("degraded");
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("connection refused")
                .contains("built-in policy used"));
        assertThat((String) report.details().get("policy")).startsWith("builtin (fallback from plugin:advisor@1.0.0");
        assertThat(plugins.events(null, "advisor", null, 10)).extracting(e -> e.eventType()).contains("remote.failed");
    }

    @Test
    void theCanonicalFormIgnoresFormattingAndKeyOrder() {
        PluginPackage a = PluginPackage.parse("""
                {"policy": {"thresholds": {"quarantine": 0.30, "duplicate_similarity": 0.95}},
                 "manifest": {"version": "1.0.0", "key": "p-one", "domain": "governance", "runtime": "policy"}}
                """);
        PluginPackage b = PluginPackage.parse("{\"manifest\":{\"key\":\"p-one\",\"version\":\"1.0.0\",\"domain\":"
                + "\"governance\",\"runtime\":\"policy\"},\"policy\":{\"thresholds\":{\"duplicate_similarity\":0.95,"
                + "\"quarantine\":0.3}}}");
        assertThat(a.digest()).isEqualTo(b.digest()).hasSize(64);
        assertThat(a.canonicalContents()).isEqualTo("{\"manifest\":{\"domain\":\"governance\",\"key\":\"p-one\","
                + "\"runtime\":\"policy\",\"version\":\"1.0.0\"},\"policy\":{\"thresholds\":{\"duplicate_similarity\":"
                + "0.95,\"quarantine\":0.3}}}");
    }

    @Test
    void versionSelectorsMatchAsDocumented() {
        assertThat(VersionSelector.parse("^1.2").matches(Semver.parse("1.9.0"))).isTrue();
        assertThat(VersionSelector.parse("^1.2").matches(Semver.parse("2.0.0"))).isFalse();
        assertThat(VersionSelector.parse("^1.2").matches(Semver.parse("1.1.9"))).isFalse();
        assertThat(VersionSelector.parse("^0.2").matches(Semver.parse("0.3.0"))).isFalse();
        assertThat(VersionSelector.parse("~1.2").matches(Semver.parse("1.2.7"))).isTrue();
        assertThat(VersionSelector.parse("~1.2").matches(Semver.parse("1.3.0"))).isFalse();
        assertThat(VersionSelector.parse(">=1.0.0").matches(Semver.parse("3.0.0"))).isTrue();
        assertThat(VersionSelector.parse("*").matches(Semver.parse("1.0.0-rc.1"))).isFalse();
        assertThat(VersionSelector.parse("1.0.0-rc.1").matches(Semver.parse("1.0.0-rc.1"))).isTrue();
        assertThatThrownBy(() -> VersionSelector.parse("^x")).hasMessageContaining("version selector");
    }

    @Test
    void incompatiblePackagesAreListedAsUnsupportedAndNotResolved() {
        plugins.registerSigner("ops", ops.publicKey(), "test");
        Map<String, Object> manifest = new java.util.LinkedHashMap<>(PluginFixtures.manifest("future", "1.0.0"));
        manifest.put("compatibility", Map.of("api", "v1", "min_memoria", "9.0.0"));
        plugins.publish(ops.signed(manifest, quarantineAt(0.35)).toJson(), "test");
        plugins.review("future", "1.0.0", "approved", null, "test");
        plugins.activate("governance", "future", "1.0.0", "default", "test");
        assertThat(plugins.matrix("governance")).singleElement().satisfies(row -> {
            assertThat(row.supported()).isFalse();
            assertThat(row.reason()).contains("needs Memoria >= 9.0.0");
        });
        assertThat(policyFor("u")).isEqualTo("builtin");
    }
}
