package dev.memoria.ports.in;

/**
 * What a pick wrote.
 *
 * @param picked   changes applied to the target
 * @param skipped  selected changes left out (conflicts under {@code skip}, or already in the target)
 * @param ignored  keys of a key list that name no change of the branch
 */
public record PickResult(String source, String target, int picked, int skipped, int ignored, String safetySnapshot) {
}
