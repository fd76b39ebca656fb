package dev.memoria.adapter.sql;

import dev.memoria.ports.out.CooldownStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Per-user operation cooldowns in {@code mem_governance_cooldown}, so every instance honours them. */
final class SqlCooldownStore implements CooldownStore {

    private static final String TABLE = SchemaDefinition.GOVERNANCE_COOLDOWNS.name();

    private final Database db;
    private final String upsert;

    SqlCooldownStore(Database db) {
        this.db = db;
        this.upsert = db.dialect().upsert(TABLE, List.of("user_id", "operation"), List.of("last_run_at"));
    }

    @Override
    public Optional<Instant> lastRun(String userId, String operation) {
        return db.read("read a cooldown", h -> h.createQuery("SELECT last_run_at FROM " + TABLE
                        + " WHERE user_id = :user_id AND operation = :operation")
                .bind("user_id", userId).bind("operation", operation)
                .map((rs, ctx) -> UtcTimes.read(rs, "last_run_at")).findOne());
    }

    @Override
    public void markRun(String userId, String operation, Instant at) {
        db.write("record a cooldown", h -> h.createUpdate(upsert).bind("user_id", userId).bind("operation", operation)
                .bind("last_run_at", UtcTimes.toDb(at)).execute());
    }
}
