/**
 * SQL storage for Memoria over JDBI 3 and HikariCP, for H2 (embedded), MySQL/MariaDB and MatrixOne.
 *
 * <p>Entry point: {@link dev.memoria.adapter.sql.SqlStorage#open(dev.memoria.adapter.sql.StorageSettings)}.
 *
 * <h2>Data model</h2>
 * Memories are revisioned row versions in {@code mem_memory_versions}, keyed by
 * {@code (user_id, branch_name, memory_id, rev_from)}; {@code rev_to} is NULL while a version is current.
 * A version is active at revision R when {@code rev_from <= R AND (rev_to IS NULL OR rev_to > R)}.
 * {@code mem_branches} holds each (user, branch)'s {@code head_rev}; every write transaction increments it
 * with an UPDATE (the row lock serialises writers of one branch) and logs {@code (revision, committed_at)} in
 * {@code mem_revisions}. A snapshot is one row of {@code mem_snapshots} naming a revision; a new branch is
 * a copy (one INSERT … SELECT) of the source's rows active at a revision, at revision 0 of the new branch.
 *
 * <h2>Dialect choices</h2>
 * <ul>
 *   <li>H2 runs in its native mode (not MODE=MySQL), file database {@code <dataDir>/memoria},
 *       {@code LOCK_TIMEOUT=10000} so writers queue on a branch row, {@code DB_CLOSE_ON_EXIT=FALSE} so the
 *       pool owns the database's lifetime. Embeddings are {@code VARBINARY(4·dim)} of little-endian float32.</li>
 *   <li>MySQL/MariaDB use {@code utf8mb4_bin} (ids compare exactly), READ COMMITTED, {@code DATETIME(6)},
 *       {@code MEDIUMBLOB} embeddings.</li>
 *   <li>MatrixOne uses {@code vecf32(dim)} and an ngram FULLTEXT index on content; vectors travel as text.</li>
 * </ul>
 * Times are stored as zone-less UTC with microsecond precision. Per-user scoping ({@code user_id}) is part
 * of every query and user values are always bound parameters.
 */
package dev.memoria.adapter.sql;
