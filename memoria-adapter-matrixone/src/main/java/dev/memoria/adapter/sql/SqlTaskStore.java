package dev.memoria.adapter.sql;

import dev.memoria.ports.model.AsyncTask;
import dev.memoria.ports.out.TaskStore;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Async tasks in {@code mem_async_tasks}; timestamps come from the database's clock like the heartbeats. */
final class SqlTaskStore implements TaskStore {

    private static final String TABLE = SchemaDefinition.ASYNC_TASKS.name();
    private static final String INSTANCES = SchemaDefinition.INSTANCES.name();
    private static final String PROCESSING = AsyncTask.Status.PROCESSING.wireName();

    private final Database db;
    private final DbClock clock;

    SqlTaskStore(Database db) {
        this.db = db;
        this.clock = DbClock.of(db.dialect());
    }

    @Override
    public void create(String taskId, String instanceId, String userId, String kind) {
        db.write("create a task", h -> h.createUpdate("INSERT INTO " + TABLE + " (task_id, instance_id, user_id, "
                        + "task_kind, status, created_at, updated_at) VALUES (:id, :inst, :u, :kind, :st, "
                        + clock.now() + ", " + clock.now() + ")")
                .bind("id", taskId).bind("inst", instanceId).bind("u", userId).bind("kind", kind)
                .bind("st", PROCESSING).execute());
    }

    @Override
    public boolean complete(String taskId, Map<String, Object> result) {
        return finish(taskId, AsyncTask.Status.COMPLETED, "result_json", result);
    }

    @Override
    public boolean fail(String taskId, Map<String, Object> error) {
        return finish(taskId, AsyncTask.Status.FAILED, "error_json", error);
    }

    private boolean finish(String taskId, AsyncTask.Status status, String column, Map<String, Object> document) {
        return db.write("finish a task", h -> h.createUpdate("UPDATE " + TABLE + " SET status = :st, " + column
                        + " = :doc, updated_at = " + clock.now() + " WHERE task_id = :id AND status = :processing")
                .bind("st", status.wireName()).bind("doc", JsonColumns.write(document)).bind("id", taskId)
                .bind("processing", PROCESSING).execute()) == 1;
    }

    @Override
    public Optional<AsyncTask> find(String taskId) {
        return db.read("read a task", h -> h.createQuery("SELECT task_id, instance_id, user_id, task_kind, status, "
                        + "result_json, error_json, created_at, updated_at FROM " + TABLE + " WHERE task_id = :id")
                .bind("id", taskId)
                .map((rs, ctx) -> new AsyncTask(rs.getString("task_id"), rs.getString("instance_id"),
                        rs.getString("user_id"), rs.getString("task_kind"), AsyncTask.Status.parse(rs.getString("status")),
                        JsonColumns.readObject(rs.getString("result_json")),
                        JsonColumns.readObject(rs.getString("error_json")),
                        UtcTimes.read(rs, "created_at"), UtcTimes.read(rs, "updated_at")))
                .findOne());
    }

    @Override
    public int failOrphaned(Duration instanceTimeout, Map<String, Object> error) {
        return db.write("fail orphaned tasks", h -> h.createUpdate("UPDATE " + TABLE + " SET status = :failed, "
                        + "error_json = :doc, updated_at = " + clock.now() + " WHERE status = :processing "
                        + "AND instance_id NOT IN (SELECT instance_id FROM " + INSTANCES
                        + " WHERE last_heartbeat > " + clock.plusSeconds("back") + ")")
                .bind("failed", AsyncTask.Status.FAILED.wireName()).bind("doc", JsonColumns.write(error))
                .bind("processing", PROCESSING).bind("back", -DbClock.seconds(instanceTimeout)).execute());
    }

    @Override
    public int failAllOf(String instanceId, Map<String, Object> error) {
        return db.write("fail an instance's tasks", h -> h.createUpdate("UPDATE " + TABLE + " SET status = :failed, "
                        + "error_json = :doc, updated_at = " + clock.now()
                        + " WHERE status = :processing AND instance_id = :inst")
                .bind("failed", AsyncTask.Status.FAILED.wireName()).bind("doc", JsonColumns.write(error))
                .bind("processing", PROCESSING).bind("inst", instanceId).execute());
    }

    @Override
    public Map<String, Long> countByStatus() {
        return db.read("count tasks", h -> {
            Map<String, Long> counts = new java.util.TreeMap<>();
            h.createQuery("SELECT status, COUNT(*) AS n FROM " + TABLE + " GROUP BY status")
                    .map((rs, ctx) -> counts.put(rs.getString("status"), rs.getLong("n"))).list();
            return counts;
        });
    }

    @Override
    public int deleteFinishedOlderThan(Duration age) {
        return db.write("delete finished tasks", h -> h.createUpdate("DELETE FROM " + TABLE + " WHERE status <> :processing"
                        + " AND updated_at < " + clock.plusSeconds("back"))
                .bind("processing", PROCESSING).bind("back", -DbClock.seconds(age)).execute());
    }
}
