package dev.memoria.ports.model;

/** A candidate from a search stage: the memory's id and that stage's raw score (higher is better). */
public record ScoredId(String memoryId, double score) {
}
