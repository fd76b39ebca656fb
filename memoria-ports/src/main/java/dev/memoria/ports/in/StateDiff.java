package dev.memoria.ports.in;

import dev.memoria.ports.model.Memory;

import java.util.List;

/** What differs between two states of memory: memories only in the newer one, and only in the older one. */
public record StateDiff(long olderCount, long newerCount, List<Memory> added, List<Memory> removed) {
}
