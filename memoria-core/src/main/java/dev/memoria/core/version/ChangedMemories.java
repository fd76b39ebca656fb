package dev.memoria.core.version;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.out.MemoryStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads only what changed on a branch since a revision: comparisons built on it cost memory and time in
 * proportion to the changes, not to the number of memories the user has.
 */
final class ChangedMemories {

    private static final int PAGE = 1000;

    private final MemoryStore store;

    ChangedMemories(MemoryStore store) {
        this.store = store;
    }

    /** Ids with a version created or ended on {@code ref} after {@code revision}, read page by page. */
    Set<String> since(BranchRef ref, long revision) {
        Set<String> ids = new TreeSet<>();
        String after = null;
        while (true) {
            List<String> page = store.changedSince(ref, revision, after, PAGE);
            ids.addAll(page);
            if (page.size() < PAGE) {
                return ids;
            }
            after = page.get(page.size() - 1);
        }
    }

    /** The active version at {@code at} of each of {@code ids} that has one, fetched in pages. */
    Map<String, Memory> activeAt(BranchRef ref, Set<String> ids, ReadPoint at) {
        List<Memory> found = new ArrayList<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += PAGE) {
            found.addAll(store.findActiveByIds(ref, all.subList(from, Math.min(all.size(), from + PAGE)), at));
        }
        Map<String, Memory> byId = new LinkedHashMap<>();
        found.stream().sorted(Comparator.comparing(Memory::memoryId).reversed()).forEach(m -> byId.put(m.memoryId(), m));
        return byId;
    }
}
