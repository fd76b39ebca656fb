package dev.memoria.core.support;

import dev.memoria.core.MemoryIds;
import dev.memoria.core.branch.BranchResolver;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.ReadAcrossUsers;
import dev.memoria.ports.model.AuditEntry;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.out.AuditLog;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.UserDataStore;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The master key's read of any user's memory by id. Support staff are handed a memory id, not its owner; the read
 * looks in the acting user's data first (no audit: that is the ordinary impersonated read) and then finds the
 * owner. Reading someone else's memory is written to the audit trail before the memory is returned, so a read the
 * trail does not show never happened.
 */
public final class SupportReads implements ReadAcrossUsers {

    static final String ACTION = "support_read";
    static final int MAX_TRAIL = 500;

    private final MemoryStore memories;
    private final UserDataStore users;
    private final BranchResolver branches;
    private final AuditLog audit;
    private final Clock clock;

    public SupportReads(MemoryStore memories, UserDataStore users, BranchResolver branches, AuditLog audit,
                        Clock clock) {
        this.memories = memories;
        this.users = users;
        this.branches = branches;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<Memory> supportRead(String actingUser, String memoryId) {
        if (!MemoryIds.isMemoryId(memoryId)) {
            // the ordinary read answers 404 for a malformed id; so does this one, without a scan for it
            return Optional.empty();
        }
        Optional<Memory> own = memories.findActive(branches.resolve(new Caller(actingUser, null)), memoryId,
                ReadPoint.HEAD);
        if (own.isPresent()) {
            return own;
        }
        for (String owner : users.ownersOf(memoryId)) {
            Optional<Memory> found = memories.findActive(BranchRef.main(owner), memoryId, ReadPoint.HEAD);
            if (found.isPresent()) {
                audit.record(new AuditEntry(MemoryIds.random(), clock.instant(), "master", actingUser, ACTION,
                        owner, memoryId));
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<AuditEntry> auditTrail(int limit) {
        if (limit < 1 || limit > MAX_TRAIL) {
            throw new InvalidInputException("invalid_limit", "limit must be between 1 and " + MAX_TRAIL);
        }
        return audit.recent(limit);
    }
}
