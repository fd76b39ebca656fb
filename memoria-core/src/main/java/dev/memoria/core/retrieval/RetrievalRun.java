package dev.memoria.core.retrieval;

import dev.memoria.core.branch.ReadTarget;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.RetrievalParams;
import dev.memoria.ports.out.MemoryStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The state of one retrieval as it passes through the stages: what was asked, and the candidates so far.
 * Candidates found by id only (the sources) are loaded in one batch the first time a stage asks for them.
 */
final class RetrievalRun {

    /** Highest score first; ties by memory id, newest first, so that equal scores rank the same on every call. */
    static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparing(Candidate::memoryId, Comparator.reverseOrder());

    final String text;
    final float[] vector;
    final ReadTarget target;
    final MemoryFilter filter;
    final int topK;
    final int fetchK;
    final String userId;
    final RetrievalParams params;
    final Instant now;
    final QueryTraits traits;
    final RetrievalSettings settings;
    final SimilarityScale similarity;

    private final MemoryStore store;
    private final Map<String, Candidate> byId = new LinkedHashMap<>();
    private boolean loaded = true;
    private List<Candidate> order;
    private final Map<StageId, Double> millis = new LinkedHashMap<>();
    private int associated;

    RetrievalRun(String text, float[] vector, ReadTarget target, MemoryFilter filter, int topK, String userId,
                 RetrievalParams params, Instant now, QueryTraits traits, RetrievalSettings settings,
                 SimilarityScale similarity, MemoryStore store) {
        this.similarity = similarity;
        this.text = text;
        this.vector = vector;
        this.target = target;
        this.filter = filter;
        this.topK = topK;
        this.fetchK = Math.max(3 * topK, 20);
        this.userId = userId;
        this.params = params;
        this.now = now;
        this.traits = traits;
        this.settings = settings;
        this.store = store;
    }

    /** The candidate for {@code memoryId}, created (to be loaded later) when no source found it before. */
    Candidate found(String memoryId) {
        return byId.computeIfAbsent(memoryId, id -> {
            loaded = false;
            order = null;
            return new Candidate(id);
        });
    }

    /** Adds a candidate whose row is already at hand (association reaches rows, not ids). */
    Candidate add(Memory memory) {
        Candidate c = found(memory.memoryId());
        c.memory(memory);
        return c;
    }

    boolean contains(String memoryId) {
        return byId.containsKey(memoryId);
    }

    Candidate get(String memoryId) {
        return byId.get(memoryId);
    }

    /** Every candidate whose memory is still active, in the order they were found. */
    List<Candidate> candidates() {
        loadMissing();
        return List.copyOf(byId.values());
    }

    /** The candidates best first; the order is kept until a candidate is added or {@link #resort()} is called. */
    List<Candidate> ranked() {
        if (order == null) {
            List<Candidate> sorted = new ArrayList<>(candidates());
            sorted.sort(BEST_FIRST);
            order = sorted;
        }
        return order;
    }

    /** Forgets the current order after scores changed. */
    void resort() {
        order = null;
    }

    /** Replaces the order with one a stage decided (diversity, cut-off). */
    void reorder(List<Candidate> value) {
        order = List.copyOf(value);
    }

    boolean empty() {
        return byId.isEmpty();
    }

    void timed(StageId stage, double ms) {
        millis.merge(stage, ms, Double::sum);
    }

    double millis(StageId stage) {
        return millis.getOrDefault(stage, 0.0);
    }

    void associated(int count) {
        associated = count;
    }

    int associated() {
        return associated;
    }

    private void loadMissing() {
        if (loaded) {
            return;
        }
        Set<String> missing = byId.values().stream().filter(c -> c.memory() == null).map(Candidate::memoryId)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (!missing.isEmpty()) {
            for (Memory memory : store.findActiveByIds(target.branch(), missing, target.at())) {
                Candidate c = byId.get(memory.memoryId());
                if (c != null) {
                    c.memory(memory);
                }
            }
            byId.values().removeIf(c -> c.memory() == null);
        }
        loaded = true;
    }
}
