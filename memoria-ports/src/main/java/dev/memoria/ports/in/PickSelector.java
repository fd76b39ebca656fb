package dev.memoria.ports.in;

import dev.memoria.ports.error.InvalidInputException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which of a branch's changes a pick takes. Each variant checks its own limits, so every adapter shares them. */
public sealed interface PickSelector {

    /** Explicit memory ids (a change matches by any id it involves: new, old, or the conflicting base). */
    record KeyList(List<String> keys) implements PickSelector {

        public static final int MAX_KEYS = 1000;

        public KeyList {
            if (keys == null || keys.isEmpty()) {
                throw new InvalidInputException("invalid_selector", "selector.keys must list 1 to 1000 memory ids");
            }
            if (keys.size() > MAX_KEYS) {
                throw new InvalidInputException("invalid_selector",
                        "selector.keys has " + keys.size() + " entries; at most " + MAX_KEYS + " are allowed");
            }
            Set<String> unique = new LinkedHashSet<>();
            for (String key : keys) {
                if (key == null || key.isBlank()) {
                    throw new InvalidInputException("invalid_selector", "selector.keys must not contain blank ids");
                }
                if (!unique.add(key.trim())) {
                    throw new InvalidInputException("invalid_selector", "selector.keys contains '" + key.trim()
                            + "' twice; keys must be unique");
                }
            }
            keys = List.copyOf(unique);
        }
    }

    /** The source branch's changes between two of its snapshots (older first). */
    record SnapshotRange(String fromSnapshot, String toSnapshot) implements PickSelector {

        public SnapshotRange {
            if (fromSnapshot == null || fromSnapshot.isBlank() || toSnapshot == null || toSnapshot.isBlank()) {
                throw new InvalidInputException("invalid_selector",
                        "selector.from_snapshot and selector.to_snapshot are required");
            }
        }
    }

    /** The source branch's changes that retrieval on the branch ranks highest for a query. */
    record Retrieve(String query, int topK, Double minScore) implements PickSelector {

        public static final int DEFAULT_TOP_K = 5;

        public Retrieve {
            if (query == null || query.isBlank()) {
                throw new InvalidInputException("invalid_selector", "selector.query is required");
            }
            if (topK < 1 || topK > RetrieveQuery.MAX_TOP_K) {
                throw new InvalidInputException("invalid_selector", "selector.top_k must be between 1 and "
                        + RetrieveQuery.MAX_TOP_K);
            }
            if (minScore != null && (minScore.isNaN() || minScore < 0)) {
                throw new InvalidInputException("invalid_selector", "selector.min_score must be >= 0");
            }
        }
    }
}
