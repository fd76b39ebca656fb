package dev.memoria.adapter.sql;

import dev.memoria.ports.error.ConflictException;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.model.Branch;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Snapshot;
import dev.memoria.ports.out.VersionStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Branches, snapshots and rollback over revisioned rows. A snapshot is one row naming a revision; a branch is
 * a copy of the rows active on its source at a revision (made with one INSERT … SELECT, at revision 0 of the
 * new branch); a rollback is a new revision that makes the active set equal to that of an older revision.
 */
final class SqlVersionStore implements VersionStore {

    private static final String MEMORIES = MemoryRows.TABLE;
    private static final String SNAPSHOTS = SchemaDefinition.SNAPSHOTS.name();
    private static final String USER_STATE = SchemaDefinition.USER_STATE.name();

    /** Copies the memory data columns unchanged between branches and revisions. */
    private static final String COPY_COLUMNS = MemoryRows.DATA_COLUMNS;

    private final Database db;
    private final BranchRows branches;

    SqlVersionStore(Database db, BranchRows branches) {
        this.db = db;
        this.branches = branches;
    }

    @Override
    public List<Branch> listBranches(String userId) {
        branches.ensureMain(userId);
        List<Branch> all = db.read("list branches", h -> h.createQuery("SELECT * FROM " + BranchRows.TABLE
                        + " WHERE user_id = :u").bind("u", userId).map(BranchRows.mapper()).list());
        List<Branch> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing((Branch b) -> !b.name().equals(BranchRef.MAIN))
                .thenComparing(Branch::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Branch::name));
        return sorted;
    }

    @Override
    public Optional<Branch> findBranch(BranchRef branch) {
        if (branch.isMain()) {
            branches.ensureMain(branch.userId());
        }
        return db.read("read a branch", h -> branches.find(h, branch));
    }

    @Override
    public Branch createBranch(BranchRef target, BranchRef source, long sourceRevision, int maxBranches) {
        if (!target.userId().equals(source.userId())) {
            throw new InvalidInputException("user_mismatch", "A branch can only be created from the same user's branch");
        }
        if (target.isMain()) {
            throw new ConflictException("branch_exists", "Branch 'main' already exists");
        }
        branches.ensureMain(source.userId());
        Instant now = db.now();
        BranchRef userMain = BranchRef.main(target.userId());
        return branches.locked(userMain, () -> db.transaction("create a branch", h -> {
            branches.lockUser(h, target.userId());
            long existing = h.createQuery("SELECT COUNT(*) FROM " + BranchRows.TABLE
                            + " WHERE user_id = :u AND branch_name <> :main")
                    .bind("u", target.userId()).bind("main", BranchRef.MAIN).mapTo(Long.class).one();
            if (existing >= maxBranches && branches.find(h, target).isEmpty()) {
                throw new ConflictException("branch_quota",
                        "Branch limit reached (" + maxBranches + "). Delete old branches first.");
            }
            long sourceHead = branches.head(h, source);
            if (sourceRevision < 0 || sourceRevision > sourceHead) {
                throw new InvalidInputException("invalid_revision", "Revision " + sourceRevision + " of branch '"
                        + source.branch() + "' does not exist (head is " + sourceHead + ")");
            }
            try {
                h.createUpdate("INSERT INTO " + BranchRows.TABLE + " (user_id, branch_name, head_rev, created_at, "
                                + "source_branch, source_rev) VALUES (:u, :b, 0, :t, :sb, :sr)")
                        .bind("u", target.userId()).bind("b", target.branch()).bind("t", UtcTimes.toDb(now))
                        .bind("sb", source.branch()).bind("sr", sourceRevision).execute();
            } catch (RuntimeException e) {
                if (SqlFailures.isDuplicateKey(e)) {
                    throw new ConflictException("branch_exists", "Branch '" + target.branch() + "' already exists");
                }
                throw e;
            }
            // a branch left behind by an interrupted delete must not leak rows into the new one
            deleteBranchRows(h, target);
            h.createUpdate("INSERT INTO " + MEMORIES + " (user_id, branch_name, memory_id, rev_from, rev_to, "
                            + COPY_COLUMNS + ") SELECT user_id, :target, memory_id, 0, NULL, " + COPY_COLUMNS
                            + " FROM " + MEMORIES + " WHERE user_id = :u AND branch_name = :source "
                            + "AND rev_from <= :r AND (rev_to IS NULL OR rev_to > :r)")
                    .bind("target", target.branch()).bind("u", source.userId()).bind("source", source.branch())
                    .bind("r", sourceRevision).execute();
            return new Branch(target.userId(), target.branch(), 0, now, source.branch(), sourceRevision);
        }));
    }

    @Override
    public boolean deleteBranch(BranchRef branch) {
        if (branch.isMain()) {
            throw new InvalidInputException("cannot_delete_main", "The main branch cannot be deleted");
        }
        return db.transaction("delete a branch", h -> {
            int deleted = h.createUpdate("DELETE FROM " + BranchRows.TABLE + " WHERE user_id = :u AND branch_name = :b")
                    .bind("u", branch.userId()).bind("b", branch.branch()).execute();
            if (deleted == 0) {
                return false;
            }
            deleteBranchRows(h, branch);
            // snapshots name a revision of this branch's rows, which are gone: they would read as empty
            h.createUpdate("DELETE FROM " + SNAPSHOTS + " WHERE user_id = :u AND branch_name = :b")
                    .bind("u", branch.userId()).bind("b", branch.branch()).execute();
            h.createUpdate("UPDATE " + USER_STATE + " SET branch_name = :main, updated_at = :t "
                            + "WHERE user_id = :u AND branch_name = :b")
                    .bind("main", BranchRef.MAIN).bind("t", UtcTimes.toDb(db.now()))
                    .bind("u", branch.userId()).bind("b", branch.branch()).execute();
            return true;
        });
    }

    private static void deleteBranchRows(Handle h, BranchRef branch) {
        for (String table : List.of(MEMORIES, BranchRows.REVISIONS)) {
            h.createUpdate("DELETE FROM " + table + " WHERE user_id = :u AND branch_name = :b")
                    .bind("u", branch.userId()).bind("b", branch.branch()).execute();
        }
    }

    @Override
    public String checkedOutBranch(String userId) {
        return db.read("read the checked-out branch", h -> h.createQuery("SELECT branch_name FROM " + USER_STATE
                        + " WHERE user_id = :u").bind("u", userId).mapTo(String.class).findOne())
                .orElse(BranchRef.MAIN);
    }

    @Override
    public void checkout(String userId, String branch) {
        db.write("check out a branch", h -> {
            branches.requireReadable(h, new BranchRef(userId, branch));
            h.createUpdate(db.dialect().upsert(USER_STATE, List.of("user_id"), List.of("branch_name", "updated_at")))
                    .bind("user_id", userId).bind("branch_name", branch).bind("updated_at", UtcTimes.toDb(db.now()))
                    .execute();
            return null;
        });
    }

    @Override
    public long headRevision(BranchRef branch) {
        return db.read("read the head revision", h -> branches.head(h, branch));
    }

    @Override
    public long revisionAt(BranchRef branch, Instant time) {
        return db.read("find a revision by time", h -> {
            branches.requireReadable(h, branch);
            Long revision = h.createQuery("SELECT MAX(revision) FROM " + BranchRows.REVISIONS
                            + " WHERE user_id = :u AND branch_name = :b AND committed_at <= :t")
                    .bind("u", branch.userId()).bind("b", branch.branch()).bind("t", UtcTimes.toDb(time))
                    .mapTo(Long.class).one();
            return revision == null ? 0L : revision;
        });
    }

    @Override
    public Snapshot createSnapshot(String userId, String name, BranchRef branch, String description, boolean safety,
                                   int maxSnapshots) {
        if (!branch.userId().equals(userId)) {
            throw new InvalidInputException("user_mismatch", "A snapshot can only name the same user's branch");
        }
        Instant now = db.now();
        if (safety) {
            return db.transaction("create a snapshot", h ->
                    insertSnapshot(h, userId, name, branch, branches.head(h, branch), description, now, true));
        }
        branches.ensureMain(userId);
        return branches.locked(BranchRef.main(userId), () -> db.transaction("create a snapshot", h -> {
            branches.lockUser(h, userId);
            long existing = h.createQuery("SELECT COUNT(*) FROM " + SNAPSHOTS + " WHERE user_id = :u AND safety = :s")
                    .bind("u", userId).bind("s", false).mapTo(Long.class).one();
            if (existing >= maxSnapshots) {
                throw new ConflictException("snapshot_quota", "Snapshot limit reached (" + maxSnapshots
                        + ") for user " + userId + ". Delete old snapshots first.");
            }
            return insertSnapshot(h, userId, name, branch, branches.head(h, branch), description, now, false);
        }));
    }

    private static Snapshot insertSnapshot(Handle h, String userId, String name, BranchRef branch, long revision,
                                           String description, Instant now, boolean safety) {
        try {
            h.createUpdate("INSERT INTO " + SNAPSHOTS + " (user_id, snapshot_name, branch_name, revision, description, "
                            + "created_at, safety) VALUES (:u, :n, :b, :r, :d, :t, :s)")
                    .bind("u", userId).bind("n", name).bind("b", branch.branch()).bind("r", revision)
                    .bindByType("d", description, String.class).bind("t", UtcTimes.toDb(now)).bind("s", safety)
                    .execute();
        } catch (RuntimeException e) {
            if (SqlFailures.isDuplicateKey(e)) {
                throw new ConflictException("snapshot_exists", "Snapshot '" + name + "' already exists");
            }
            throw e;
        }
        return new Snapshot(userId, name, branch.branch(), revision, description, now, safety);
    }

    @Override
    public int pruneSafetySnapshots(String userId, int keep) {
        return db.transaction("prune safety snapshots", h -> {
            List<String> names = h.createQuery("SELECT snapshot_name FROM " + SNAPSHOTS + " WHERE user_id = :u "
                            + "AND safety = :s ORDER BY created_at DESC, revision DESC, snapshot_name DESC")
                    .bind("u", userId).bind("s", true).mapTo(String.class).list();
            int deleted = 0;
            for (String old : names.subList(Math.min(keep, names.size()), names.size())) {
                deleted += h.createUpdate("DELETE FROM " + SNAPSHOTS + " WHERE user_id = :u AND snapshot_name = :n")
                        .bind("u", userId).bind("n", old).execute();
            }
            return deleted;
        });
    }

    private static RowMapper<Snapshot> snapshotMapper() {
        return (rs, ctx) -> new Snapshot(rs.getString("user_id"), rs.getString("snapshot_name"),
                rs.getString("branch_name"), rs.getLong("revision"), rs.getString("description"),
                UtcTimes.fromDb(rs.getObject("created_at", LocalDateTime.class)), rs.getBoolean("safety"));
    }

    @Override
    public List<Snapshot> listSnapshots(String userId) {
        return db.read("list snapshots", h -> h.createQuery("SELECT * FROM " + SNAPSHOTS + " WHERE user_id = :u "
                        + "ORDER BY created_at DESC, revision DESC, snapshot_name DESC")
                .bind("u", userId).map(snapshotMapper()).list());
    }

    @Override
    public List<Snapshot> listSnapshots(String userId, int limit, int offset) {
        return db.read("list snapshots", h -> h.createQuery("SELECT * FROM " + SNAPSHOTS + " WHERE user_id = :u "
                        + "ORDER BY created_at DESC, revision DESC, snapshot_name DESC LIMIT :limit OFFSET :offset")
                .bind("u", userId).bind("limit", limit).bind("offset", offset).map(snapshotMapper()).list());
    }

    @Override
    public long countSnapshots(String userId) {
        return db.read("count snapshots", h -> h.createQuery("SELECT COUNT(*) FROM " + SNAPSHOTS
                        + " WHERE user_id = :u").bind("u", userId).mapTo(Long.class).one());
    }

    @Override
    public Optional<Snapshot> findSnapshot(String userId, String name) {
        return db.read("read a snapshot", h -> h.createQuery("SELECT * FROM " + SNAPSHOTS
                        + " WHERE user_id = :u AND snapshot_name = :n")
                .bind("u", userId).bind("n", name).map(snapshotMapper()).findOne());
    }

    @Override
    public boolean deleteSnapshot(String userId, String name) {
        return db.write("delete a snapshot", h -> h.createUpdate("DELETE FROM " + SNAPSHOTS
                        + " WHERE user_id = :u AND snapshot_name = :n")
                .bind("u", userId).bind("n", name).execute() > 0);
    }

    /**
     * After ending every current version created after {@code revision}, the current set is a subset of what was
     * active then; the versions active then but ended since are re-inserted at the new revision.
     */
    @Override
    public long rollback(BranchRef branch, long revision, String safetySnapshot) {
        Instant time = db.now();
        return branches.write("roll back a branch", branch, (h, now) -> {
            if (revision < 0 || revision >= now) {
                throw new InvalidInputException("invalid_revision", "Cannot roll back branch '" + branch.branch()
                        + "' to revision " + revision + " (head is " + (now - 1) + ")");
            }
            if (safetySnapshot != null) {
                insertSnapshot(h, branch.userId(), safetySnapshot, branch, now - 1,
                        "automatic snapshot before rollback", time, true);
            }
            h.createUpdate("UPDATE " + MEMORIES + " SET rev_to = :now WHERE user_id = :u AND branch_name = :b "
                            + "AND rev_to IS NULL AND rev_from > :r")
                    .bind("now", now).bind("u", branch.userId()).bind("b", branch.branch()).bind("r", revision)
                    .execute();
            // superseded_by is cleared: a version that is current again has not been superseded on this branch
            h.createUpdate("INSERT INTO " + MEMORIES + " (user_id, branch_name, memory_id, rev_from, rev_to, "
                            + COPY_COLUMNS
                            + ") SELECT user_id, branch_name, memory_id, :now, NULL, "
                            + COPY_COLUMNS.replace("superseded_by", "NULL")
                            + " FROM " + MEMORIES + " WHERE user_id = :u AND branch_name = :b "
                            + "AND rev_from <= :r AND rev_to IS NOT NULL AND rev_to > :r")
                    .bind("now", now).bind("u", branch.userId()).bind("b", branch.branch()).bind("r", revision)
                    .execute();
            return now;
        });
    }
}
