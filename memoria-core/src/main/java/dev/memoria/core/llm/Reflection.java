package dev.memoria.core.llm;

import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.in.StoreMemory;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.TrustTier;
import dev.memoria.ports.out.LlmPort;
import dev.memoria.ports.out.MemoryStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Reflection: clusters of related semantic memories (grouped by session, at least three each; the newest 50
 * semantic memories are considered) become candidates; with a model, each cluster is turned into at most two
 * T4 (speculative) insight memories. Without a model the candidates are returned for the agent to synthesise.
 */
public final class Reflection {

    private static final Logger LOG = Logger.getLogger(Reflection.class.getName());
    private static final int CONSIDERED = 50;
    private static final int MIN_CLUSTER = 3;

    /** A group of memories that may hold an insight. */
    public record Cluster(String signal, double importance, List<Memory> memories) {
    }

    /** {@code insights} stored (T4) per run; {@code candidates} found. */
    public record Outcome(List<Cluster> candidates, int scenesCreated, List<String> warnings) {
    }

    private final LlmPort llm; // null without a model
    private final MemoryStore store;
    private final StoreMemory storeMemory;

    public Reflection(LlmPort llm, MemoryStore store, StoreMemory storeMemory) {
        this.llm = llm;
        this.store = store;
        this.storeMemory = storeMemory;
    }

    public boolean llmAvailable() {
        return llm != null;
    }

    public List<Cluster> candidates(String userId) {
        List<Memory> semantic = new ArrayList<>();
        store.forEachActive(BranchRef.main(userId), ReadPoint.HEAD, MemoryFilter.ALL.withTypes(Set.of(MemoryType.SEMANTIC)),
                semantic::add);
        semantic.sort(Comparator.comparing(Memory::memoryId).reversed()); // UUIDv7: newest first
        Map<String, List<Memory>> bySession = new LinkedHashMap<>();
        for (Memory m : semantic.subList(0, Math.min(CONSIDERED, semantic.size()))) {
            bySession.computeIfAbsent(m.sessionId() == null ? "default" : m.sessionId(), k -> new ArrayList<>()).add(m);
        }
        List<Cluster> clusters = new ArrayList<>();
        for (List<Memory> group : bySession.values()) {
            if (group.size() >= MIN_CLUSTER) {
                clusters.add(new Cluster("semantic_cluster", 0.5 + Math.min(0.05 * group.size(), 0.3), group));
            }
        }
        return clusters;
    }

    /** Synthesises insights with the model; one cluster's bad reply is a warning, not a failure of the run. */
    public Outcome reflect(String userId) {
        List<Cluster> clusters = candidates(userId);
        if (llm == null) {
            return new Outcome(clusters, 0, List.of());
        }
        int created = 0;
        List<String> warnings = new ArrayList<>();
        for (Cluster cluster : clusters) {
            StringBuilder memories = new StringBuilder();
            for (Memory m : cluster.memories()) {
                memories.append("- [").append(m.memoryType().wireName()).append("] ")
                        .append(ModelReplies.truncateUtf8(m.content(), 500)).append('\n');
            }
            try {
                String reply = llm.complete(new LlmPort.Request(List.of(LlmPort.Message.user(
                        String.format(Prompts.REFLECTION, "(none)", memories))), 0.3, 400, true));
                for (Map<String, Object> insight : ModelReplies.objects(reply)) {
                    String content = ModelReplies.text(insight, "content");
                    if (content.isBlank()) {
                        continue;
                    }
                    MemoryType type = "procedural".equals(ModelReplies.text(insight, "type")) ? MemoryType.PROCEDURAL
                            : MemoryType.SEMANTIC;
                    storeMemory.store(StoreCommand.builder(Caller.of(userId), content).type(type)
                            .trustTier(TrustTier.T4).extraMetadata(Map.of("source", "reflection")).build());
                    created++;
                }
            } catch (RuntimeException failure) {
                LOG.warning("reflection of a cluster failed: " + failure.getMessage());
                warnings.add("reflect:cluster failed: " + failure.getMessage());
            }
        }
        return new Outcome(clusters, created, warnings);
    }
}
