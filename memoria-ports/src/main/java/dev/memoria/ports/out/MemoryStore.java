package dev.memoria.ports.out;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryPage;
import dev.memoria.ports.model.MemoryStats;
import dev.memoria.ports.model.PageRequest;
import dev.memoria.ports.model.ReadPoint;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Revisioned memory rows of a user's branch.
 *
 * <p>Every mutation goes through {@link #write}: one database transaction that takes the next revision of
 * the branch, so concurrent writers to one branch are serialised and a reader never sees half of a write.
 * The {@code main} branch of every user exists implicitly; any other branch must have been created through
 * {@link VersionStore}, otherwise the store throws {@code NotFoundException} with code {@code branch_not_found}.
 */
public interface MemoryStore {

    /** Runs {@code work} in one transaction at the branch's next revision and returns its result. */
    <T> T write(BranchRef branch, Function<MemoryWriter, T> work);

    /** The memory if a version of it is active at {@code at}. */
    Optional<Memory> findActive(BranchRef branch, String memoryId, ReadPoint at);

    /** Active memories among {@code memoryIds} at {@code at}, in no particular order. */
    List<Memory> findActiveByIds(BranchRef branch, Collection<String> memoryIds, ReadPoint at);

    /**
     * Ids of the memories that have a version on the branch created or ended after {@code revision}, in ascending
     * id order, at most {@code limit} of them after {@code afterId} (null for the first page). A branch comparison
     * reads only these, so its cost grows with the changes since the fork, not with the number of memories.
     */
    List<String> changedSince(BranchRef branch, long revision, String afterId, int limit);

    /** The newest version of a memory on the branch, active or ended; empty if it never existed there. */
    Optional<Memory> findLatestVersion(BranchRef branch, String memoryId);

    /** Newest versions of memories whose {@code superseded_by} is {@code memoryId} (history walks backwards). */
    List<Memory> findSupersededBy(BranchRef branch, String memoryId);

    /** Active memories matching {@code filter} at {@code at}, newest {@code memory_id} first, keyset paged. */
    MemoryPage list(BranchRef branch, MemoryFilter filter, ReadPoint at, PageRequest page);

    /**
     * Active memories whose content contains {@code text} (case-insensitive substring), newest first,
     * at most {@code limit}.
     */
    List<Memory> findContaining(BranchRef branch, String text, MemoryFilter filter, int limit);

    /** Counts and aggregates over active memories matching {@code filter}. */
    MemoryStats stats(BranchRef branch, MemoryFilter filter);

    /** Every memory active at {@code at} that matches {@code filter}, newest first, page by page. */
    default void forEachActive(BranchRef branch, ReadPoint at, MemoryFilter filter, Consumer<Memory> sink) {
        PageRequest page = PageRequest.first(500);
        while (true) {
            MemoryPage result = list(branch, filter, at, page);
            result.items().forEach(sink);
            if (result.nextCursor() == null) {
                return;
            }
            page = new PageRequest(result.nextCursor(), 500);
        }
    }

    /** How many memories are active at {@code at}. */
    default long countActive(BranchRef branch, ReadPoint at) {
        long[] count = {0};
        forEachActive(branch, at, MemoryFilter.ALL, m -> count[0]++);
        return count[0];
    }
}
