package dev.memoria.adapter.sql;

import dev.memoria.ports.error.ConflictException;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.out.MemoryWriter;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;

/**
 * The operations of one write transaction at revision {@link #revision()}. Versions committed at earlier
 * revisions are only ever closed (rev_to, superseded_by); a version created in this very transaction has not
 * been seen by anyone yet, so it may be rewritten or dropped.
 */
final class SqlMemoryWriter implements MemoryWriter {

    private static final String TABLE = MemoryRows.TABLE;

    private final Handle handle;
    private final Database db;
    private final BranchRef branch;
    private final long revision;

    SqlMemoryWriter(Handle handle, Database db, BranchRef branch, long revision) {
        this.handle = handle;
        this.db = db;
        this.branch = branch;
        this.revision = revision;
    }

    @Override
    public long revision() {
        return revision;
    }

    @Override
    public void insert(Memory memory) {
        List<long[]> versions = handle.createQuery("SELECT rev_from, rev_to FROM " + TABLE + " WHERE user_id = :u "
                        + "AND branch_name = :b AND memory_id = :m AND (rev_to IS NULL OR rev_from = :r)")
                .bind("u", branch.userId()).bind("b", branch.branch()).bind("m", memory.memoryId()).bind("r", revision)
                .map((rs, ctx) -> {
                    long from = rs.getLong("rev_from");
                    long to = rs.getLong("rev_to");
                    return new long[]{from, rs.wasNull() ? -1 : to};
                })
                .list();
        for (long[] version : versions) {
            if (version[1] < 0) {
                throw new ConflictException("memory_exists",
                        "Memory " + memory.memoryId() + " is already active on branch '" + branch.branch() + "'");
            }
        }
        if (!versions.isEmpty()) {
            // inserted and ended within this transaction: that version was never visible, drop it to reuse the key
            handle.createUpdate("DELETE FROM " + TABLE + " WHERE user_id = :u AND branch_name = :b AND memory_id = :m "
                            + "AND rev_from = :r")
                    .bind("u", branch.userId()).bind("b", branch.branch()).bind("m", memory.memoryId())
                    .bind("r", revision).execute();
        }
        MemoryRows.bind(handle.createUpdate(MemoryRows.INSERT), db, branch, memory, revision).execute();
    }

    @Override
    public boolean end(String memoryId, String supersededBy) {
        String set = supersededBy == null ? "rev_to = :r" : "rev_to = :r, superseded_by = :s";
        var update = handle.createUpdate("UPDATE " + TABLE + " SET " + set + " WHERE user_id = :u AND branch_name = :b "
                        + "AND memory_id = :m AND rev_to IS NULL")
                .bind("u", branch.userId()).bind("b", branch.branch()).bind("m", memoryId).bind("r", revision);
        if (supersededBy != null) {
            update.bind("s", supersededBy);
        }
        return update.execute() > 0;
    }

    @Override
    public boolean replace(Memory memory) {
        Optional<Long> currentFrom = handle.createQuery("SELECT rev_from FROM " + TABLE + " WHERE user_id = :u "
                        + "AND branch_name = :b AND memory_id = :m AND rev_to IS NULL")
                .bind("u", branch.userId()).bind("b", branch.branch()).bind("m", memory.memoryId())
                .mapTo(Long.class).findOne();
        if (currentFrom.isEmpty()) {
            return false;
        }
        if (currentFrom.get() == revision) {
            MemoryRows.bind(handle.createUpdate(MemoryRows.OVERWRITE), db, branch, memory, revision).execute();
            return true;
        }
        end(memory.memoryId(), null);
        MemoryRows.bind(handle.createUpdate(MemoryRows.INSERT), db, branch, memory, revision).execute();
        return true;
    }
}
