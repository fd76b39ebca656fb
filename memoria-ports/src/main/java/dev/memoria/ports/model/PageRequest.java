package dev.memoria.ports.model;

/** Keyset paging over memory ids, newest first: rows with {@code memory_id < cursor}. */
public record PageRequest(String cursor, int limit) {

    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }
}
