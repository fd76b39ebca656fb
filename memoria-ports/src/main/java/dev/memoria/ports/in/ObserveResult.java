package dev.memoria.ports.in;

import dev.memoria.ports.model.Memory;

import java.util.List;

/** Memories an observation produced, and a warning when it fell back (e.g. no LLM configured). */
public record ObserveResult(List<Memory> memories, String warning) {

    public ObserveResult {
        memories = List.copyOf(memories);
    }
}
