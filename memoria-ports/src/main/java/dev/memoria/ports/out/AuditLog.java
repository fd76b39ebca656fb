package dev.memoria.ports.out;

import dev.memoria.ports.model.AuditEntry;

import java.util.List;

/** The operator audit trail, shared by every instance. */
public interface AuditLog {

    void record(AuditEntry entry);

    /** The newest {@code limit} entries, newest first. */
    List<AuditEntry> recent(int limit);
}
