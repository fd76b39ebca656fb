package dev.memoria.ports.in;

/** How much a retrieval reports about itself. */
public enum ExplainLevel {
    NONE, BASIC, VERBOSE, ANALYZE;

    public boolean withCandidates() {
        return this == VERBOSE || this == ANALYZE;
    }
}
