package dev.memoria.adapter.sql;

import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.model.Branch;
import dev.memoria.ports.model.BranchRef;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The {@code mem_branches} rows and the revision counter they hold. Every mutation of a branch goes through
 * {@link #write}: the UPDATE that increments {@code head_rev} takes the row lock, so writers to one branch
 * queue behind each other and each gets the next revision.
 *
 * <p>Writers of one branch in this process also queue on an in-process lock before they open their transaction.
 * The database lock alone would be correct, but every writer waiting on it holds a pooled connection; a writer
 * that needs a second connection while holding the lock (a duplicate check through the search index) could then
 * find the pool drained by its own queue. With the in-process lock at most one writer per branch and process
 * holds a connection, and the database lock still orders writers of different instances.
 */
final class BranchRows {

    static final String TABLE = SchemaDefinition.BRANCHES.name();
    static final String REVISIONS = SchemaDefinition.REVISIONS.name();

    /** Bounds the memo of users known to have a main row; past it we simply forget and re-check. */
    private static final int KNOWN_MAINS_LIMIT = 100_000;

    private final Database db;
    /** main rows are never deleted, so once seen they can be remembered (also across instances). */
    private final Set<String> knownMains = ConcurrentHashMap.newKeySet();
    /** Striped so that the lock set stays bounded; fair so that a busy branch cannot starve one writer. */
    private final ReentrantLock[] branchLocks = new ReentrantLock[256];

    BranchRows(Database db) {
        this.db = db;
        for (int i = 0; i < branchLocks.length; i++) {
            branchLocks[i] = new ReentrantLock(true);
        }
    }

    /**
     * Runs {@code work} holding this process's lock for {@code branch}. Writes inside a write of the same branch
     * re-enter; writes never nest across branches, so the stripes cannot deadlock.
     */
    <T> T locked(BranchRef branch, Supplier<T> work) {
        ReentrantLock lock = branchLocks[Math.floorMod((branch.userId() + '\u0000' + branch.branch()).hashCode(),
                branchLocks.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the database lock on the user's main row until the end of the transaction: the serialisation point of
     * per-user quotas (branch and snapshot counts). Main must exist ({@link #ensureMain}).
     */
    void lockUser(Handle h, String userId) {
        h.createQuery("SELECT head_rev FROM " + TABLE + " WHERE user_id = :u AND branch_name = :b FOR UPDATE")
                .bind("u", userId).bind("b", BranchRef.MAIN).mapTo(Long.class).findOne();
    }

    static RowMapper<Branch> mapper() {
        return (rs, ctx) -> new Branch(rs.getString("user_id"), rs.getString("branch_name"), rs.getLong("head_rev"),
                UtcTimes.fromDb(rs.getObject("created_at", LocalDateTime.class)), rs.getString("source_branch"),
                rs.getLong("source_rev"));
    }

    static NotFoundException notFound(BranchRef branch) {
        return new NotFoundException("branch_not_found", "Branch '" + branch.branch() + "' not found");
    }

    /**
     * Creates the user's main row if absent. Runs in its own short auto-commit statement (not inside a write
     * transaction) so that two first writers racing to create it cannot deadlock; the loser's duplicate-key
     * error is the expected outcome and ignored.
     */
    void ensureMain(String userId) {
        if (knownMains.contains(userId)) {
            return;
        }
        db.write("create main branch", h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM " + TABLE + " WHERE user_id = :u AND branch_name = :b")
                    .bind("u", userId).bind("b", BranchRef.MAIN).mapTo(Long.class).one() > 0;
            if (!exists) {
                try {
                    h.createUpdate("INSERT INTO " + TABLE + " (user_id, branch_name, head_rev, created_at, source_branch, "
                                    + "source_rev) VALUES (:u, :b, 0, :t, NULL, 0)")
                            .bind("u", userId).bind("b", BranchRef.MAIN).bind("t", UtcTimes.toDb(db.now())).execute();
                } catch (RuntimeException e) {
                    if (!SqlFailures.isDuplicateKey(e)) {
                        throw e;
                    }
                }
            }
            return null;
        });
        if (knownMains.size() > KNOWN_MAINS_LIMIT) {
            knownMains.clear();
        }
        knownMains.add(userId);
    }

    Optional<Branch> find(Handle h, BranchRef branch) {
        return h.createQuery("SELECT * FROM " + TABLE + " WHERE user_id = :u AND branch_name = :b")
                .bind("u", branch.userId()).bind("b", branch.branch()).map(mapper()).findOne();
    }

    /** The head revision; 0 for main before its first write; NotFound for an unknown non-main branch. */
    long head(Handle h, BranchRef branch) {
        Optional<Long> head = h.createQuery("SELECT head_rev FROM " + TABLE + " WHERE user_id = :u AND branch_name = :b")
                .bind("u", branch.userId()).bind("b", branch.branch()).mapTo(Long.class).findOne();
        if (head.isEmpty() && !branch.isMain()) {
            throw notFound(branch);
        }
        return head.orElse(0L);
    }

    /** Throws NotFound unless the branch is main or exists. */
    void requireReadable(Handle h, BranchRef branch) {
        if (!branch.isMain()) {
            head(h, branch);
        }
    }

    /**
     * Runs {@code work} in one transaction at the branch's next revision. The revision log entry takes its time
     * after the row lock is held, so committed_at grows with the revision on one clock.
     */
    <T> T write(String operation, BranchRef branch, BiFunction<Handle, Long, T> work) {
        if (branch.isMain()) {
            ensureMain(branch.userId());
        }
        return locked(branch, () -> db.transaction(operation, h -> {
            int updated = h.createUpdate("UPDATE " + TABLE + " SET head_rev = head_rev + 1 "
                            + "WHERE user_id = :u AND branch_name = :b")
                    .bind("u", branch.userId()).bind("b", branch.branch()).execute();
            if (updated == 0) {
                throw notFound(branch);
            }
            long revision = h.createQuery("SELECT head_rev FROM " + TABLE + " WHERE user_id = :u AND branch_name = :b")
                    .bind("u", branch.userId()).bind("b", branch.branch()).mapTo(Long.class).one();
            h.createUpdate("INSERT INTO " + REVISIONS + " (user_id, branch_name, revision, committed_at) "
                            + "VALUES (:u, :b, :r, :t)")
                    .bind("u", branch.userId()).bind("b", branch.branch()).bind("r", revision)
                    .bind("t", UtcTimes.toDb(db.now())).execute();
            return work.apply(h, revision);
        }));
    }

    /** Forgets the memo (tests that drop data underneath a running store). */
    void forget(String userId) {
        knownMains.remove(userId);
    }
}
