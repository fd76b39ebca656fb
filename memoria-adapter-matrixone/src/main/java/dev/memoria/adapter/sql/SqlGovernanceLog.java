package dev.memoria.adapter.sql;

import dev.memoria.ports.model.GovernanceRun;
import dev.memoria.ports.out.GovernanceLog;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** The governance audit log in {@code mem_governance_runs}. */
final class SqlGovernanceLog implements GovernanceLog {

    private static final String TABLE = SchemaDefinition.GOVERNANCE_RUNS.name();
    private static final String COLUMNS = "run_id, task, user_id, instance_id, started_at, finished_at, status, "
            + "counts_json, warnings_json, snapshots_json";
    private static final RowMapper<GovernanceRun> MAPPER = (rs, ctx) -> new GovernanceRun(rs.getString("run_id"),
            rs.getString("task"), rs.getString("user_id"), rs.getString("instance_id"), UtcTimes.read(rs, "started_at"),
            UtcTimes.read(rs, "finished_at"), rs.getString("status"), JsonColumns.readCounts(rs.getString("counts_json")),
            JsonColumns.readStrings(rs.getString("warnings_json")), JsonColumns.readStrings(rs.getString("snapshots_json")));

    private final Database db;

    SqlGovernanceLog(Database db) {
        this.db = db;
    }

    @Override
    public void record(GovernanceRun run) {
        db.write("record a governance run", h -> h.createUpdate("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES "
                        + "(:id, :task, :u, :inst, :started, :finished, :status, :counts, :warnings, :snapshots)")
                .bind("id", run.runId()).bind("task", run.task()).bind("u", run.userId()).bind("inst", run.instanceId())
                .bind("started", UtcTimes.toDb(run.startedAt())).bind("finished", UtcTimes.toDb(run.finishedAt()))
                .bind("status", run.status()).bind("counts", JsonColumns.write(run.counts()))
                .bind("warnings", JsonColumns.write(run.warnings())).bind("snapshots", JsonColumns.write(run.snapshots()))
                .execute());
    }

    @Override
    public List<GovernanceRun> recent(int limit) {
        return db.read("list governance runs", h -> h.createQuery("SELECT " + COLUMNS + " FROM " + TABLE
                + " ORDER BY started_at DESC, run_id DESC").setMaxRows(limit).map(MAPPER).list());
    }

    @Override
    public Optional<GovernanceRun> lastScheduledRun(String task) {
        return db.read("read the last governance run", h -> h.createQuery("SELECT " + COLUMNS + " FROM " + TABLE
                        + " WHERE task = :task AND user_id IS NULL ORDER BY started_at DESC, run_id DESC")
                .bind("task", task).setMaxRows(1).map(MAPPER).findFirst());
    }
}
