package dev.memoria.server.auth;

/**
 * Who a request acts as.
 *
 * @param userId the tenant every query is scoped to
 * @param master true for the master key (administrator acting as {@code userId})
 * @param keyId  the API key used, or null for the master key
 */
public record Principal(String userId, boolean master, String keyId) {

    public static Principal master(String actingUser) {
        return new Principal(actingUser, true, null);
    }

    public static Principal apiKey(String owner, String keyId) {
        return new Principal(owner, false, keyId);
    }
}
