package dev.memoria.ports.in;

import dev.memoria.ports.model.RetrievalParams;

/** Outcome of automatic tuning: new parameters, or why nothing changed. */
public record TuneResult(boolean tuned, RetrievalParams oldParams, RetrievalParams newParams, String message) {
}
