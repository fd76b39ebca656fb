package dev.memoria.ports.in;

import dev.memoria.ports.model.AuditEntry;
import dev.memoria.ports.model.Memory;

import java.util.List;
import java.util.Optional;

/**
 * Use case: an operator (the master key) reads a memory by id whoever owns it, for support work. Every such read
 * of another user's memory is written to the audit trail.
 */
public interface ReadAcrossUsers {

    /**
     * The active memory with this id: the acting user's own (checked-out branch) if there is one, otherwise the one
     * on the main branch of whichever user owns it, audited.
     */
    Optional<Memory> supportRead(String actingUser, String memoryId);

    /** The newest {@code limit} (1..500) audit entries, newest first. */
    List<AuditEntry> auditTrail(int limit);
}
