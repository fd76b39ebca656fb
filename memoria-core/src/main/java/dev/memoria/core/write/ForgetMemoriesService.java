package dev.memoria.core.write;

import dev.memoria.core.branch.BranchResolver;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.ForgetMemories;
import dev.memoria.ports.in.PurgeCommand;
import dev.memoria.ports.in.PurgeResult;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryPage;
import dev.memoria.ports.model.PageRequest;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.SessionFilter;
import dev.memoria.ports.out.MemoryStore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Soft deletes: memories end (recoverable through the safety snapshot taken first); no bytes are removed. */
public final class ForgetMemoriesService implements ForgetMemories {

    /** A topic purge ends at most this many memories at once. */
    static final int MAX_TOPIC_MATCHES = 500;

    private final MemoryStore store;
    private final BranchResolver branches;
    private final SafetySnapshots safety;

    public ForgetMemoriesService(MemoryStore store, BranchResolver branches, SafetySnapshots safety) {
        this.store = store;
        this.branches = branches;
        this.safety = safety;
    }

    @Override
    public String delete(Caller caller, String memoryId) {
        BranchRef branch = branches.resolve(caller);
        requireActive(branch, memoryId);
        String snapshot = safety.before("delete", branch);
        boolean ended = store.write(branch, writer -> writer.end(memoryId, null));
        if (!ended) {
            throw new NotFoundException("memory_not_found", "Memory not found");
        }
        return snapshot;
    }

    @Override
    public PurgeResult purge(PurgeCommand command) {
        if (command.isEmpty()) {
            return new PurgeResult(0, null, null);
        }
        BranchRef branch = branches.resolve(command.caller());
        Set<String> ids = new LinkedHashSet<>();
        if (!command.memoryIds().isEmpty()) {
            for (String id : command.memoryIds()) {
                requireActive(branch, id);
                ids.add(id);
            }
        } else if (command.topic() != null) {
            store.findContaining(branch, command.topic(), MemoryFilter.ALL, MAX_TOPIC_MATCHES)
                    .forEach(m -> ids.add(m.memoryId()));
        } else {
            ids.addAll(sessionMemories(branch, command));
        }
        if (ids.isEmpty()) {
            return new PurgeResult(0, null, null);
        }
        String snapshot = safety.before("purge", branch);
        int purged = store.write(branch, writer -> {
            int count = 0;
            for (String id : ids) {
                if (writer.end(id, null)) {
                    count++;
                }
            }
            return count;
        });
        return new PurgeResult(purged, snapshot, null);
    }

    private List<String> sessionMemories(BranchRef branch, PurgeCommand command) {
        MemoryFilter filter = MemoryFilter.ALL.withSession(SessionFilter.exactly(command.sessionId()))
                .withTypes(command.memoryTypes());
        List<String> ids = new ArrayList<>();
        PageRequest page = PageRequest.first(500);
        while (true) {
            MemoryPage result = store.list(branch, filter, ReadPoint.HEAD, page);
            result.items().stream().map(Memory::memoryId).forEach(ids::add);
            if (result.nextCursor() == null) {
                return ids;
            }
            page = new PageRequest(result.nextCursor(), 500);
        }
    }

    private void requireActive(BranchRef branch, String memoryId) {
        if (store.findActive(branch, memoryId, ReadPoint.HEAD).isEmpty()) {
            throw new NotFoundException("memory_not_found", "Memory not found: " + memoryId);
        }
    }
}
