package dev.memoria.core.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

/**
 * HMAC-SHA256 of API keys under a server secret. Keys at rest are useless without the secret; during a
 * secret rotation, hashes made with previous secrets still verify (and get re-hashed with the current one).
 */
public final class ApiKeyHasher {

    private final byte[] current;
    private final List<byte[]> previous;

    public ApiKeyHasher(String currentSecret, List<String> previousSecrets) {
        if (currentSecret == null || currentSecret.isEmpty()) {
            throw new IllegalArgumentException("an API key secret is required");
        }
        this.current = currentSecret.getBytes(StandardCharsets.UTF_8);
        this.previous = previousSecrets.stream().filter(s -> s != null && !s.isEmpty())
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public String hash(String rawKey) {
        return hmac(current, rawKey);
    }

    /** Hashes under each previous secret, oldest configuration last. */
    public List<String> previousHashes(String rawKey) {
        return previous.stream().map(secret -> hmac(secret, rawKey)).toList();
    }

    private static String hmac(byte[] secret, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
