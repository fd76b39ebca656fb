package dev.memoria.server.auth;

/**
 * Who a request acts as.
 *
 * @param userId the tenant every query is scoped to
 * @param master true for the master key (administrator acting as {@code userId})
 */
public record Principal(String userId, boolean master) {
}
