package dev.memoria.core.write;

import dev.memoria.core.branch.BranchResolver;
import dev.memoria.core.sensitivity.SensitivityScreen;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.CorrectMemory;
import dev.memoria.ports.in.RetrieveMemories;
import dev.memoria.ports.in.RetrieveQuery;
import dev.memoria.ports.in.ScoredMemory;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.out.MemoryStore;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Corrections never edit in place: a new T2 memory is written and the old one ends, superseded by it. */
public final class CorrectMemoryService implements CorrectMemory {

    private final MemoryStore store;
    private final BranchResolver branches;
    private final Embeddings embeddings;
    private final SensitivityScreen screen;
    private final NewMemories newMemories;
    private final RetrieveMemories retrieval;
    private final WriteFollowUp followUp;

    public CorrectMemoryService(MemoryStore store, BranchResolver branches, Embeddings embeddings,
                                SensitivityScreen screen, NewMemories newMemories, RetrieveMemories retrieval,
                                WriteFollowUp followUp) {
        this.store = store;
        this.branches = branches;
        this.embeddings = embeddings;
        this.screen = screen;
        this.newMemories = newMemories;
        this.retrieval = retrieval;
        this.followUp = followUp;
    }

    @Override
    public Memory correct(Caller caller, String memoryId, String newContent) {
        validate(newContent);
        BranchRef branch = branches.resolve(caller);
        Memory old = store.findActive(branch, memoryId, ReadPoint.HEAD)
                .orElseThrow(() -> new NotFoundException("memory_not_found", "Memory not found"));
        String content = screen.screen(newContent);
        Memory replacement = newMemories.correctionOf(old, content, embeddings.embed(content));
        boolean ended = store.write(branch, writer -> {
            if (!writer.end(old.memoryId(), replacement.memoryId())) {
                return false;
            }
            writer.insert(replacement);
            return true;
        });
        if (!ended) {
            // Someone else ended it between our read and our write.
            throw new NotFoundException("memory_not_found", "Memory not found");
        }
        followUp.written(replacement);
        return replacement;
    }

    @Override
    public Memory correctByQuery(RetrieveQuery query, String newContent) {
        validate(newContent);
        RetrieveQuery best = new RetrieveQuery(query.caller(), query.query(), 1, query.sessionId(), query.sessionOnly(),
                query.subjectId(), query.memoryTypes(), null, null, null);
        List<ScoredMemory> hits = retrieval.retrieve(best).memories();
        if (hits.isEmpty()) {
            throw new NotFoundException("no_match", "No matching memory found");
        }
        return correct(query.caller(), hits.get(0).memory().memoryId(), newContent);
    }

    private static void validate(String newContent) {
        if (newContent == null || newContent.isEmpty()) {
            throw new InvalidInputException("content_empty", "new_content must not be empty");
        }
        if (newContent.getBytes(StandardCharsets.UTF_8).length > StoreCommand.MAX_CONTENT_BYTES) {
            throw new InvalidInputException("content_too_large", "new_content exceeds 32 KiB limit");
        }
        StoreCommand.requireWellFormed("new_content", newContent);
    }
}
