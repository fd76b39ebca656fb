package dev.memoria.adapter.sql;

import dev.memoria.ports.model.InstanceBeat;
import dev.memoria.ports.out.InstanceRegistry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** Heartbeat rows in {@code mem_instances}, stamped with the database's clock. */
final class SqlInstanceRegistry implements InstanceRegistry {

    private static final String TABLE = SchemaDefinition.INSTANCES.name();

    private final Database db;
    private final DbClock clock;

    SqlInstanceRegistry(Database db) {
        this.db = db;
        this.clock = DbClock.of(db.dialect());
    }

    @Override
    public void heartbeat(String instanceId) {
        db.write("record a heartbeat", h -> {
            int updated = h.createUpdate("UPDATE " + TABLE + " SET last_heartbeat = " + clock.now()
                    + " WHERE instance_id = :id").bind("id", instanceId).execute();
            if (updated == 0) {
                try {
                    h.createUpdate("INSERT INTO " + TABLE + " (instance_id, started_at, last_heartbeat) VALUES (:id, "
                            + clock.now() + ", " + clock.now() + ")").bind("id", instanceId).execute();
                } catch (RuntimeException e) {
                    if (!SqlFailures.isDuplicateKey(e)) {
                        throw e;
                    }
                }
            }
            return null;
        });
    }

    @Override
    public List<InstanceBeat> recent(Duration within) {
        Instant localNow = db.now();
        return db.read("list instances", h -> h.createQuery("SELECT instance_id, started_at, last_heartbeat, "
                        + clock.now() + " AS db_now FROM " + TABLE + " WHERE last_heartbeat > " + clock.plusSeconds("back")
                        + " ORDER BY last_heartbeat DESC, instance_id")
                .bind("back", -DbClock.seconds(within))
                .map((rs, ctx) -> {
                    LocalDateTime dbNow = rs.getObject("db_now", LocalDateTime.class);
                    return new InstanceBeat(rs.getString("instance_id"),
                            DbClock.toLocal(rs.getObject("started_at", LocalDateTime.class), dbNow, localNow),
                            DbClock.toLocal(rs.getObject("last_heartbeat", LocalDateTime.class), dbNow, localNow));
                }).list());
    }

    @Override
    public void remove(String instanceId) {
        db.write("remove an instance", h -> h.createUpdate("DELETE FROM " + TABLE + " WHERE instance_id = :id")
                .bind("id", instanceId).execute());
    }
}
