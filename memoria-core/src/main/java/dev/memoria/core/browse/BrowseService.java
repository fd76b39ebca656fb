package dev.memoria.core.browse;

import dev.memoria.core.branch.BranchResolver;
import dev.memoria.core.branch.ReadTarget;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.AsOf;
import dev.memoria.ports.in.BrowseMemories;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.MemoryHistory;
import dev.memoria.ports.in.Profile;
import dev.memoria.ports.in.ScoredMemory;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryPage;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.PageRequest;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.out.MemorySearch;
import dev.memoria.ports.out.MemoryStore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads that need no ranking by meaning: lists, single memories, correction chains, full text, profiles. */
public final class BrowseService implements BrowseMemories {

    static final int MAX_FULLTEXT_QUERY_BYTES = 4096;
    static final int PROFILE_MEMORIES = 50;
    /** Correction chains longer than this are cut (a guard against cycles in corrupted data). */
    static final int MAX_CHAIN = 1000;

    private final MemoryStore store;
    private final MemorySearch search;
    private final BranchResolver branches;

    public BrowseService(MemoryStore store, MemorySearch search, BranchResolver branches) {
        this.store = store;
        this.search = search;
        this.branches = branches;
    }

    @Override
    public MemoryPage list(Caller caller, MemoryFilter filter, PageRequest page, AsOf asOf) {
        ReadTarget target = branches.resolveRead(caller, asOf);
        return store.list(target.branch(), filter, target.at(), page);
    }

    @Override
    public Optional<Memory> get(Caller caller, String memoryId) {
        return store.findActive(branches.resolve(caller), memoryId, ReadPoint.HEAD);
    }

    @Override
    public MemoryHistory history(Caller caller, String memoryId) {
        BranchRef branch = branches.resolve(caller);
        Memory start = store.findLatestVersion(branch, memoryId)
                .orElseThrow(() -> new NotFoundException("memory_not_found", "Memory not found"));
        Deque<Memory> chain = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        chain.add(start);
        seen.add(start.memoryId());
        Memory cursor = start;
        while (cursor.supersededBy() != null && seen.size() < MAX_CHAIN) {
            Optional<Memory> next = store.findLatestVersion(branch, cursor.supersededBy());
            if (next.isEmpty() || !seen.add(next.get().memoryId())) {
                break;
            }
            chain.addLast(next.get());
            cursor = next.get();
        }
        cursor = start;
        while (seen.size() < MAX_CHAIN) {
            List<Memory> previous = store.findSupersededBy(branch, cursor.memoryId());
            if (previous.isEmpty() || !seen.add(previous.get(0).memoryId())) {
                break;
            }
            chain.addFirst(previous.get(0));
            cursor = previous.get(0);
        }
        return new MemoryHistory(memoryId, new ArrayList<>(chain));
    }

    @Override
    public List<ScoredMemory> fulltext(Caller caller, String query, MemoryFilter filter, int limit) {
        if (query == null || query.getBytes(StandardCharsets.UTF_8).length > MAX_FULLTEXT_QUERY_BYTES) {
            throw new InvalidInputException("query_too_large", "fulltext query must not exceed 4096 bytes");
        }
        if (query.codePoints().noneMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            throw new InvalidInputException("query_empty",
                    "fulltext query must contain at least one Unicode letter, number, or underscore");
        }
        BranchRef branch = branches.resolve(caller);
        List<ScoredId> hits = search.keyword(branch, ReadPoint.HEAD, query, filter, limit);
        Map<String, Memory> byId = store.findActiveByIds(branch, hits.stream().map(ScoredId::memoryId).toList(),
                        ReadPoint.HEAD).stream()
                .collect(Collectors.toMap(Memory::memoryId, Function.identity()));
        List<ScoredMemory> results = new ArrayList<>();
        for (ScoredId hit : hits) {
            Memory memory = byId.get(hit.memoryId());
            if (memory != null) {
                results.add(new ScoredMemory(memory, hit.score()));
            }
        }
        return results;
    }

    @Override
    public Profile profile(Caller caller, String subjectId) {
        BranchRef branch = branches.resolve(caller);
        MemoryFilter all = subjectId == null ? MemoryFilter.ALL : MemoryFilter.ALL.withSubject(subjectId);
        MemoryPage profileMemories = store.list(branch, all.withTypes(Set.of(MemoryType.PROFILE)), ReadPoint.HEAD,
                PageRequest.first(PROFILE_MEMORIES));
        String text = profileMemories.items().stream().map(Memory::content).collect(Collectors.joining("\n"));
        return new Profile(caller.userId(), text, store.stats(branch, all));
    }
}
