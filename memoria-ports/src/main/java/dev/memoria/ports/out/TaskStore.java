package dev.memoria.ports.out;

import dev.memoria.ports.model.AsyncTask;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Async tasks in a table every instance reads, so a task started on one instance is visible on all. */
public interface TaskStore {

    /** Records a new task in status processing, owned by {@code instanceId}. */
    void create(String taskId, String instanceId, String userId, String kind);

    /** Marks a processing task completed; false when it was not processing (e.g. already failed as orphaned). */
    boolean complete(String taskId, Map<String, Object> result);

    /** Marks a processing task failed; false when it was not processing. */
    boolean fail(String taskId, Map<String, Object> error);

    Optional<AsyncTask> find(String taskId);

    /**
     * Fails every processing task whose owning instance has not heartbeated within {@code instanceTimeout}
     * (by the database's clock), with {@code error}. Returns how many were failed.
     */
    int failOrphaned(Duration instanceTimeout, Map<String, Object> error);

    /** Fails every processing task of one instance (used at start-up: a fresh process runs none of them). */
    int failAllOf(String instanceId, Map<String, Object> error);

    /** How many tasks are in each status (wire names), for metrics. */
    Map<String, Long> countByStatus();

    /** Deletes completed and failed tasks last updated more than {@code age} ago. */
    int deleteFinishedOlderThan(Duration age);
}
