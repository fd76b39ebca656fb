package dev.memoria.core.governance.plugin;

import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds plugin packages for tests: a manifest, a policy, and a signature by a generated key. */
final class PluginFixtures {

    final KeyPair keys = Ed25519.generate();
    final String signer;

    PluginFixtures(String signer) {
        this.signer = signer;
    }

    String publicKey() {
        return Ed25519.encode(keys.getPublic());
    }

    static Map<String, Object> manifest(String key, String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("version", version);
        m.put("domain", "governance");
        m.put("runtime", "policy");
        m.put("compatibility", Map.of("api", "v1", "min_memoria", "0.1.0"));
        return m;
    }

    static PluginPackage unsigned(Map<String, Object> manifest, Map<String, Object> policy) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("manifest", manifest);
        document.put("policy", policy);
        return PluginPackage.fromDocument(document);
    }

    PluginPackage signed(Map<String, Object> manifest, Map<String, Object> policy) {
        PluginPackage pkg = unsigned(manifest, policy);
        return pkg.withSignature(new PluginPackage.Signature(signer, "ed25519",
                Ed25519.sign(keys.getPrivate(), pkg.digest())));
    }

    String signedJson(String key, String version, Map<String, Object> policy) {
        return signed(manifest(key, version), policy).toJson();
    }
}
