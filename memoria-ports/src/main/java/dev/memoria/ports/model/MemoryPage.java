package dev.memoria.ports.model;

import java.util.List;

/** One page of memories ordered newest first; {@code nextCursor} is null on the last page. */
public record MemoryPage(List<Memory> items, String nextCursor) {

    public MemoryPage {
        items = List.copyOf(items);
    }
}
