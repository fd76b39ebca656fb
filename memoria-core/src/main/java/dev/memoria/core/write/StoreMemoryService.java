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
     * Similarity above which a new memory is a near-duplicate of an existing one of the same type and subject, on
     * the embedder's own scale ({@link Embeddings#cosineAt}): for all-MiniLM-L6-v2 a cosine of about 0.95 (the
     * reference service's L2 distance 0.3162 between unit vectors), for e5-small-v2, whose unrelated texts already
     * score 0.7, about 0.985 — a raw 0.95 there would merge sentences that differ in the one word that matters.
     */
    static final double NEAR_DUPLICATE_SIMILARITY = 0.95;
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
        if (embedding == null) {
            store.write(branch, writer -> {
                writer.insert(fresh);
                return null;
            });
            followUp.written(fresh);
            return fresh;
        }
        // fast path without a write: the same text stored again returns the memory it already is
        Optional<Memory> seen = nearDuplicate(branch, fresh);
        if (seen.isPresent() && sameText(seen.get(), content) && command.extraMetadata() == null) {
            return seen.get();
        }
        // The decision is taken again inside the write, where writers of the branch queue behind each other: two
        // identical stores racing would otherwise both find no duplicate and both insert.
        Stored stored = store.write(branch, writer -> {
            Optional<Memory> similar = nearDuplicate(branch, fresh);
            if (similar.isEmpty()) {
                writer.insert(fresh);
                return new Stored(fresh, true);
            }
            Memory existing = similar.get();
            if (sameText(existing, content)) {
                if (command.extraMetadata() == null) {
                    return new Stored(existing, false);
                }
                Memory updated = existing.withExtraMetadata(command.extraMetadata());
                writer.replace(updated);
                return new Stored(updated, false);
            }
            writer.insert(fresh);
            writer.end(existing.memoryId(), fresh.memoryId());
            return new Stored(fresh, true);
        });
        if (stored.isNew()) {
            followUp.written(stored.memory());
        }
        return stored.memory();
    }

    /** What a store ended with: the memory the caller gets, and whether it was newly written. */
    private record Stored(Memory memory, boolean isNew) {
    }

    private static boolean sameText(Memory existing, String content) {
        return existing.content().trim().equals(content.trim());
    }

    private Optional<Memory> nearDuplicate(BranchRef branch, Memory fresh) {
        MemoryFilter partition = MemoryFilter.ALL.withTypes(Set.of(fresh.memoryType()))
                .withSubjectPartition(fresh.subjectId());
        List<ScoredId> nearest = search.nearest(branch, ReadPoint.HEAD, fresh.embedding(), partition, 1);
        if (nearest.isEmpty() || nearest.get(0).score() < embeddings.cosineAt(NEAR_DUPLICATE_SIMILARITY)) {
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
