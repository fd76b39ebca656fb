package dev.memoria.server.auth;

import dev.memoria.ports.error.ErrorKind;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.MemoriaException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Function;

/**
 * Turns the {@code Authorization} header into a {@link Principal}. The master key acts as the user named by
 * {@code X-User-Id} (then {@code X-Impersonate-User}, then {@code ?user_id=}, then {@code default}); an API
 * key acts as its owner only. A request without a valid bearer token is never an administrator.
 */
public final class Authenticator {

    static final String BEARER = "Bearer ";
    static final int MAX_USER_ID_LENGTH = 64;

    private final byte[] masterKey;
    private final ApiKeyVerifier apiKeys;

    public Authenticator(String masterKey, ApiKeyVerifier apiKeys) {
        this.masterKey = masterKey.getBytes(StandardCharsets.UTF_8);
        this.apiKeys = apiKeys;
    }

    /**
     * @param authorization the Authorization header or null
     * @param actingUser    looks up the acting-user hints by name (headers, then query parameter)
     */
    public Principal authenticate(String authorization, Function<String, String> actingUser) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            throw unauthenticated("missing_token", "Missing Bearer token");
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            throw unauthenticated("missing_token", "Missing Bearer token");
        }
        if (isMasterKey(token)) {
            return Principal.master(actingUserOf(actingUser));
        }
        return apiKeys.verify(token).orElseThrow(() -> unauthenticated("invalid_token", "Invalid token"));
    }

    /** True when the Authorization header carries the master key. */
    public boolean presentsMasterKey(String authorization) {
        return authorization != null && authorization.startsWith(BEARER)
                && isMasterKey(authorization.substring(BEARER.length()).trim());
    }

    public boolean isMasterKey(String token) {
        // constant time, so response timing does not reveal how much of a guess was right
        return MessageDigest.isEqual(masterKey, token.getBytes(StandardCharsets.UTF_8));
    }

    private static String actingUserOf(Function<String, String> lookup) {
        for (String source : new String[]{"X-User-Id", "X-Impersonate-User", "user_id"}) {
            String value = lookup.apply(source);
            if (value != null && !value.isBlank()) {
                String user = value.trim();
                if (user.length() > MAX_USER_ID_LENGTH || user.chars().anyMatch(Character::isISOControl)) {
                    throw new InvalidInputException("invalid_user",
                            "user id must be at most 64 characters without control characters");
                }
                return user;
            }
        }
        return "default";
    }

    private static MemoriaException unauthenticated(String code, String message) {
        return new MemoriaException(ErrorKind.UNAUTHENTICATED, code, message);
    }
}
