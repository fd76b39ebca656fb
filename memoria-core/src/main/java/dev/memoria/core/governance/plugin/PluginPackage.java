package dev.memoria.core.governance.plugin;

import dev.memoria.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A plugin package: manifest + policy (the signed <i>contents</i>) and, once signed, a signature. As one JSON
 * document: {@code {"manifest": {...}, "policy": {...}, "signature": {"signer", "algorithm": "ed25519", "value"}}};
 * as a directory: {@code manifest.json}, {@code policy.json} and {@code signature.json}.
 *
 * <p>The digest is the lowercase hex SHA-256 of the UTF-8 bytes of {@link Json#canonical canonical JSON} of
 * {@code {"manifest": …, "policy": …}}, so formatting, key order and the signature itself do not change it; the
 * signature is Ed25519 over the ASCII bytes of {@code "memoria-plugin-v1:" + digest} (the prefix keeps a plugin
 * signature from being valid for anything else the same key might sign).
 */
public record PluginPackage(PluginManifest manifest, PluginPolicy policy, Map<String, Object> manifestRaw,
                            Signature signature) {

    public static final String SIGNATURE_CONTEXT = "memoria-plugin-v1:";

    /** Who signed the contents, with which algorithm, and the base64 signature. */
    public record Signature(String signer, String algorithm, String value) {
    }

    public PluginPackage {
        manifestRaw = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(manifestRaw));
    }

    /** Parses the one-document form; the signature is optional here (publishing requires it). */
    public static PluginPackage parse(String json) {
        return fromDocument(Json.parseObject(json, "a plugin package"));
    }

    @SuppressWarnings("unchecked")
    public static PluginPackage fromDocument(Map<String, Object> document) {
        Fields f = new Fields(document, "package").only(Set.of("manifest", "policy", "signature"));
        if (!f.has("manifest")) {
            throw Fields.invalid("package.manifest is required");
        }
        Map<String, Object> manifestRaw = f.object("manifest").raw();
        Map<String, Object> policyRaw = f.object("policy").raw();
        Signature signature = null;
        if (f.has("signature")) {
            Fields s = f.object("signature").only(Set.of("signer", "algorithm", "value"));
            String algorithm = s.string("algorithm") == null ? "ed25519" : s.string("algorithm");
            signature = new Signature(s.requiredString("signer"), algorithm, s.requiredString("value"));
        }
        return new PluginPackage(PluginManifest.from(manifestRaw), PluginPolicy.from(policyRaw), manifestRaw,
                signature);
    }

    /** The signed part: manifest and policy. */
    public Map<String, Object> contents() {
        Map<String, Object> contents = new LinkedHashMap<>();
        contents.put("manifest", manifestRaw);
        contents.put("policy", policy.raw());
        return contents;
    }

    public String canonicalContents() {
        return Json.canonical(contents());
    }

    public String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalContents().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** The bytes a signer signs for a digest. */
    public static byte[] signedMessage(String digest) {
        return (SIGNATURE_CONTEXT + digest).getBytes(StandardCharsets.US_ASCII);
    }

    public PluginPackage withSignature(Signature value) {
        return new PluginPackage(manifest, policy, manifestRaw, value);
    }

    /** The whole document (contents plus signature) in canonical JSON. */
    public String toJson() {
        Map<String, Object> document = contents();
        if (signature != null) {
            Map<String, Object> sig = new LinkedHashMap<>();
            sig.put("signer", signature.signer());
            sig.put("algorithm", signature.algorithm());
            sig.put("value", signature.value());
            document.put("signature", sig);
        }
        return Json.canonical(document);
    }
}
