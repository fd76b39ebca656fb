package dev.memoria.ports.in;

/** How many memories a purge ended and the safety snapshot that can undo it (null when nothing was done). */
public record PurgeResult(int purged, String safetySnapshot, String warning) {
}
