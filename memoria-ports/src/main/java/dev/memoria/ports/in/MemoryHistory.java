package dev.memoria.ports.in;

import dev.memoria.ports.model.Memory;

import java.util.List;

/** The correction chain a memory belongs to, oldest first. */
public record MemoryHistory(String memoryId, List<Memory> versions) {

    public MemoryHistory {
        versions = List.copyOf(versions);
    }
}
