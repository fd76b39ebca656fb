package dev.memoria.adapter.sql;

import dev.memoria.ports.model.LockLease;
import dev.memoria.ports.out.DistributedLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Locks in {@code mem_distributed_locks}: one row per held key. The primary key makes acquisition atomic (two
 * instances inserting the same key: exactly one succeeds); expiry is compared with the database's clock.
 */
final class SqlDistributedLock implements DistributedLock {

    private static final String TABLE = SchemaDefinition.DISTRIBUTED_LOCKS.name();

    private final Database db;
    private final DbClock clock;

    SqlDistributedLock(Database db) {
        this.db = db;
        this.clock = DbClock.of(db.dialect());
    }

    @Override
    public boolean tryAcquire(String key, String holder, Duration ttl) {
        long seconds = DbClock.seconds(ttl);
        return db.write("acquire a lock", h -> {
            if (extend(h, key, holder, seconds)) {
                return true; // re-entrant: the holder asking again keeps (and extends) its lease
            }
            h.createUpdate("DELETE FROM " + TABLE + " WHERE lock_key = :k AND expires_at <= " + clock.now())
                    .bind("k", key).execute();
            try {
                return h.createUpdate("INSERT INTO " + TABLE + " (lock_key, holder_id, acquired_at, expires_at) "
                                + "VALUES (:k, :holder, " + clock.now() + ", " + clock.plusSeconds("ttl") + ")")
                        .bind("k", key).bind("holder", holder).bind("ttl", seconds).execute() == 1;
            } catch (UnableToExecuteStatementException e) {
                if (SqlFailures.isDuplicateKey(e)) {
                    return false; // someone else holds it (or won the race for it just now)
                }
                throw e;
            }
        });
    }

    @Override
    public boolean renew(String key, String holder, Duration ttl) {
        long seconds = DbClock.seconds(ttl);
        return db.write("renew a lock", h -> extend(h, key, holder, seconds));
    }

    private boolean extend(Handle h, String key, String holder, long seconds) {
        return h.createUpdate("UPDATE " + TABLE + " SET expires_at = " + clock.plusSeconds("ttl")
                        + " WHERE lock_key = :k AND holder_id = :holder AND expires_at > " + clock.now())
                .bind("ttl", seconds).bind("k", key).bind("holder", holder).execute() == 1;
    }

    @Override
    public void release(String key, String holder) {
        db.write("release a lock", h -> h.createUpdate("DELETE FROM " + TABLE + " WHERE lock_key = :k AND holder_id = :holder")
                .bind("k", key).bind("holder", holder).execute());
    }

    @Override
    public List<LockLease> list() {
        Instant localNow = db.now();
        return db.read("list locks", h -> h.createQuery("SELECT lock_key, holder_id, acquired_at, expires_at, "
                        + clock.now() + " AS db_now FROM " + TABLE + " ORDER BY lock_key")
                .map((rs, ctx) -> {
                    LocalDateTime dbNow = rs.getObject("db_now", LocalDateTime.class);
                    LocalDateTime expires = rs.getObject("expires_at", LocalDateTime.class);
                    return new LockLease(rs.getString("lock_key"), rs.getString("holder_id"),
                            DbClock.toLocal(rs.getObject("acquired_at", LocalDateTime.class), dbNow, localNow),
                            DbClock.toLocal(expires, dbNow, localNow), !expires.isAfter(dbNow));
                }).list());
    }
}
