package dev.memoria.core.tasks;

import dev.memoria.core.MemoryIds;
import dev.memoria.ports.error.MemoriaException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.model.AsyncTask;
import dev.memoria.ports.out.TaskStore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Long work run in the background and recorded in the shared task table, so the client can poll any instance.
 * If this process dies mid-task, the row stays {@code processing} until another instance notices the missing
 * heartbeat and fails it (see {@code ClusterNode}).
 */
public final class AsyncTasks implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AsyncTasks.class.getName());

    private final TaskStore store;
    private final String instanceId;
    private final ExecutorService workers;

    public AsyncTasks(TaskStore store, String instanceId, int threads) {
        this.store = store;
        this.instanceId = instanceId;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "memoria-task");
            t.setDaemon(true);
            return t;
        });
    }

    /** Records the task, starts {@code work} and returns the task id at once. */
    public String submit(String userId, String kind, Supplier<Map<String, Object>> work) {
        String taskId = MemoryIds.random();
        store.create(taskId, instanceId, userId, kind);
        workers.execute(() -> {
            try {
                store.complete(taskId, work.get());
            } catch (RuntimeException failure) {
                LOG.log(Level.INFO, "task " + taskId + " failed: " + failure.getMessage());
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", "GENERATION_ERROR");
                error.put("message", failure instanceof MemoriaException ? failure.getMessage()
                        : "Task failed: " + failure.getClass().getSimpleName());
                try {
                    store.fail(taskId, error);
                } catch (RuntimeException storeDown) {
                    LOG.log(Level.WARNING, "could not record the failure of task " + taskId, storeDown);
                }
            }
        });
        return taskId;
    }

    /** The task, if the caller may see it: its owner or the master. Anyone else gets the same 404 as a miss. */
    /** Tasks of the whole cluster by status (processing, completed, failed). */
    public Map<String, Long> countByStatus() {
        return store.countByStatus();
    }

    public AsyncTask get(String taskId, String callerUserId, boolean master) {
        return store.find(taskId).filter(t -> master || t.userId().equals(callerUserId))
                .orElseThrow(() -> new NotFoundException("task_not_found", "Task " + taskId + " not found"));
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
