package dev.memoria.ports.in;

/**
 * What one retrieval stage did to one returned memory (explain's adjustment trail).
 *
 * @param stage       the stage's configured name, e.g. {@code vector}, {@code fusion}, {@code feedback}
 * @param value       for a candidate source its raw signal (cosine, BM25); for every other stage the change it
 *                    made to the memory's score
 * @param scoreAfter  the memory's score once the stage had run
 */
public record StageContribution(String stage, double value, double scoreAfter) {
}
