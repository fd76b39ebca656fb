package dev.memoria.ports.model;

import java.time.Instant;
import java.util.Map;

/**
 * Long work (a session summary, say) that a client polls for. {@code result} and {@code error} are JSON objects
 * (String, Number, Boolean, null, List or Map values), null until the task finishes.
 */
public record AsyncTask(String taskId, String instanceId, String userId, String kind, Status status,
                        Map<String, Object> result, Map<String, Object> error, Instant createdAt, Instant updatedAt) {

    public enum Status {
        PROCESSING, COMPLETED, FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status parse(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
