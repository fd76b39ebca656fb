package dev.memoria.ports.in;

import dev.memoria.ports.model.Memory;

/** A memory with the score a search gave it. */
public record ScoredMemory(Memory memory, double score) {
}
