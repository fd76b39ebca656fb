package dev.memoria.core.auth;

import dev.memoria.core.MemoryIds;
import dev.memoria.core.retrieval.AccessCounter;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.AdministerUsers;
import dev.memoria.ports.in.UserOverview;
import dev.memoria.ports.model.ApiKey;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.UserPage;
import dev.memoria.ports.out.ApiKeyStore;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.UserDataStore;
import dev.memoria.ports.out.VersionStore;

import java.util.List;

/** Cross-user administration: listing users, inspecting one, and erasure. */
public final class AdminService implements AdministerUsers {

    private final UserDataStore users;
    private final MemoryStore memories;
    private final VersionStore versions;
    private final ApiKeyStore keys;
    private final AccessCounter accesses;

    public AdminService(UserDataStore users, MemoryStore memories, VersionStore versions, ApiKeyStore keys,
                        AccessCounter accesses) {
        this.users = users;
        this.memories = memories;
        this.versions = versions;
        this.keys = keys;
        this.accesses = accesses;
    }

    /** The largest page an operator may ask for; the directory itself can be any size. */
    static final int MAX_USER_PAGE = 1000;

    @Override
    public UserPage listUsers(String cursor, int limit) {
        if (limit < 1 || limit > MAX_USER_PAGE) {
            throw new InvalidInputException("invalid_limit", "limit must be between 1 and " + MAX_USER_PAGE);
        }
        List<String> page = users.listUsers(cursor == null || cursor.isBlank() ? null : cursor, limit);
        // a full page may have a successor; the client asks once more and gets an empty page at worst
        return new UserPage(page, page.size() == limit ? page.get(page.size() - 1) : null);
    }

    @Override
    public UserOverview userOverview(String userId) {
        var byBranch = users.rowVersionsByBranch(userId);
        List<ApiKey> userKeys = keys.listByUser(userId);
        if (byBranch.isEmpty() && userKeys.isEmpty()) {
            throw new NotFoundException("user_not_found", "User '" + userId + "' not found");
        }
        return new UserOverview(userId, memories.stats(BranchRef.main(userId), MemoryFilter.ALL),
                versions.listBranches(userId).size(), versions.listSnapshots(userId).size(),
                (int) userKeys.stream().filter(ApiKey::active).count(), byBranch, accesses.total(userId));
    }

    @Override
    public long eraseUser(String userId) {
        return users.eraseUser(userId);
    }

    @Override
    public long resetAccessCounts(String userId) {
        return accesses.reset(userId);
    }

    @Override
    public long eraseMemory(String userId, String memoryId) {
        if (!MemoryIds.isMemoryId(memoryId)) {
            throw new InvalidInputException("invalid_memory_id", "memory_id must be 32 lowercase hex characters");
        }
        long removed = users.eraseMemory(userId, memoryId);
        if (removed == 0) {
            throw new NotFoundException("memory_not_found", "Memory not found");
        }
        return removed;
    }
}
