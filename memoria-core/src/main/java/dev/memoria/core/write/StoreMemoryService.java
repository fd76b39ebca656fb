package dev.memoria.core.write;

import dev.memoria.core.branch.BranchResolver;
import dev.memoria.core.sensitivity.SensitivityScreen;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.in.StoreMemory;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.out.MemorySearch;
import dev.memoria.ports.out.MemoryStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stores memories: screening, embedding, write-time dedup, one revision per call. */
public final class StoreMemoryService implements StoreMemory {

    /**
     * Cosine similarity above which a new memory is a near-duplicate of an existing one of the same type and
     * subject (L2 distance 0.3162 between unit vectors, as the reference service uses).
     */
    static final double NEAR_DUPLICATE_COSINE = 0.95;
    public static final int MAX_BATCH = 100;

    private final MemoryStore store;
    private final MemorySearch search;
    private final BranchResolver branches;
    private final Embeddings embeddings;
    private final SensitivityScreen screen;
    private final NewMemories newMemories;
    private final WriteFollowUp followUp;

    public StoreMemoryService(MemoryStore store, MemorySearch search, BranchResolver branches, Embeddings embeddings,
                              SensitivityScreen screen, NewMemories newMemories, WriteFollowUp followUp) {
        this.store = store;
        this.search = search;
        this.branches = branches;
        this.embeddings = embeddings;
        this.screen = screen;
        this.newMemories = newMemories;
        this.followUp = followUp;
    }

    @Override
    public Memory store(StoreCommand command) {
        BranchRef branch = branches.resolve(command.caller());
        String content = screen.screen(command.content());
        float[] embedding = embeddings.embed(content);
        Memory fresh = newMemories.from(branch.userId(), command, content, embedding);
        Optional<Memory> similar = embedding == null ? Optional.empty() : nearDuplicate(branch, fresh);
        if (similar.isEmpty()) {
            store.write(branch, writer -> {
                writer.insert(fresh);
                return null;
            });
            followUp.written(fresh);
            return fresh;
        }
        Memory existing = similar.get();
        if (existing.content().trim().equals(content.trim())) {
            if (command.extraMetadata() == null) {
                return existing;
            }
            Memory updated = existing.withExtraMetadata(command.extraMetadata());
            store.write(branch, writer -> writer.replace(updated));
            return updated;
        }
        store.write(branch, writer -> {
            writer.insert(fresh);
            writer.end(existing.memoryId(), fresh.memoryId());
            return null;
        });
        followUp.written(fresh);
        return fresh;
    }

    private Optional<Memory> nearDuplicate(BranchRef branch, Memory fresh) {
        MemoryFilter partition = MemoryFilter.ALL.withTypes(Set.of(fresh.memoryType()))
                .withSubjectPartition(fresh.subjectId());
        List<ScoredId> nearest = search.nearest(branch, ReadPoint.HEAD, fresh.embedding(), partition, 1);
        if (nearest.isEmpty() || nearest.get(0).score() < NEAR_DUPLICATE_COSINE) {
            return Optional.empty();
        }
        return store.findActive(branch, nearest.get(0).memoryId(), ReadPoint.HEAD);
    }

    @Override
    public List<Memory> storeBatch(Caller caller, List<StoreCommand> commands) {
        if (commands.size() > MAX_BATCH) {
            throw new InvalidInputException("batch_too_large", "batch exceeds " + MAX_BATCH + " items");
        }
        if (commands.isEmpty()) {
            return List.of();
        }
        BranchRef branch = branches.resolve(caller);
        List<String> contents = new ArrayList<>(commands.size());
        for (StoreCommand command : commands) {
            contents.add(screen.screen(command.content()));
        }
        List<float[]> vectors = embeddings.embedAll(contents);
        List<Memory> memories = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            memories.add(newMemories.from(branch.userId(), commands.get(i), contents.get(i), vectors.get(i)));
        }
        store.write(branch, writer -> {
            memories.forEach(writer::insert);
            return null;
        });
        return memories;
    }
}
