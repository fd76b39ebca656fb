package dev.memoria.adapter.sql;

import dev.memoria.ports.model.AuditEntry;
import dev.memoria.ports.out.AuditLog;

import java.util.List;

/** The operator audit trail in {@code mem_audit_events}. */
final class SqlAuditLog implements AuditLog {

    private static final String TABLE = SchemaDefinition.AUDIT_EVENTS.name();

    private final Database db;

    SqlAuditLog(Database db) {
        this.db = db;
    }

    @Override
    public void record(AuditEntry entry) {
        db.write("record an audit event", h -> h.createUpdate("INSERT INTO " + TABLE + " (event_id, created_at, actor, "
                        + "acting_user, action, user_id, target) VALUES (:id, :t, :actor, :acting, :action, :u, :target)")
                .bind("id", entry.eventId()).bind("t", UtcTimes.toDb(entry.at())).bind("actor", entry.actor())
                .bind("acting", entry.actingUser()).bind("action", entry.action()).bind("u", entry.userId())
                .bind("target", entry.target()).execute());
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return db.read("read the audit trail", h -> h.createQuery("SELECT event_id, created_at, actor, acting_user, "
                        + "action, user_id, target FROM " + TABLE + " ORDER BY created_at DESC, event_id DESC LIMIT :n")
                .bind("n", limit)
                .map((rs, ctx) -> new AuditEntry(rs.getString("event_id"), UtcTimes.read(rs, "created_at"),
                        rs.getString("actor"), rs.getString("acting_user"), rs.getString("action"),
                        rs.getString("user_id"), rs.getString("target")))
                .list());
    }
}
