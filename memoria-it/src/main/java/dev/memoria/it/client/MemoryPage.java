package dev.memoria.it.client;

import java.util.List;

/**
 * One page of {@code GET /v1/memories}, newest first.
 *
 * @param items      the memories on this page
 * @param nextCursor pass to {@link MemoriaClient#list(int, String)} for the next page; {@code null} on the last
 */
public record MemoryPage(List<Memory> items, String nextCursor) {

    /** Copies the list so the record stays a value. */
    public MemoryPage {
        items = List.copyOf(items);
    }

    /** Whether another page follows. */
    public boolean hasMore() {
        return nextCursor != null;
    }
}
