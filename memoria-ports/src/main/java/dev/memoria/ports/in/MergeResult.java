package dev.memoria.ports.in;

/** What a merge or apply did to main, and the safety snapshot taken before it. */
public record MergeResult(int added, int replaced, int removed, int skipped, String safetySnapshot) {
}
