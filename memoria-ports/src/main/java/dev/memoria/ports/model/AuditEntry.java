package dev.memoria.ports.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the operator audit trail: an administrator reached into a user's data.
 *
 * @param eventId    unique id of the entry
 * @param at         when it happened
 * @param actor      who acted: {@code master} for the master key
 * @param actingUser the user the actor was acting as (the {@code X-User-Id} of the request)
 * @param action     what was done, e.g. {@code support_read}
 * @param userId     whose data it touched
 * @param target     what it touched, e.g. a memory id
 */
public record AuditEntry(String eventId, Instant at, String actor, String actingUser, String action, String userId,
                         String target) {

    public AuditEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(userId, "userId");
    }
}
