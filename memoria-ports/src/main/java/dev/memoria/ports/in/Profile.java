package dev.memoria.ports.in;

import dev.memoria.ports.model.MemoryStats;

/** A user's profile memories joined as text, with statistics over all their active memories. */
public record Profile(String userId, String profile, MemoryStats stats) {
}
