package dev.memoria.ports.out;

import java.time.Instant;
import java.util.List;

/**
 * The sums behind the memory health reports, computed by the storage. Everything is about main branches; a null
 * user means every user. The rules that turn sums into rates and advice live in the core.
 */
public interface HealthStatistics {

    /**
     * One census per (type, tier) that has any memory.
     *
     * @param now          the time ages are measured against
     * @param staleBefore  active memories observed before this are counted as stale
     * @param recentSince  active memories created from this on are counted as recent
     */
    List<MemoryCensus> census(String userId, Instant now, Instant staleBefore, Instant recentSince);

    OrphanCounts orphans(String userId);

    /** Active memory versions with an embedding, on every branch of every user: the size of the vector index. */
    long vectorCount();
}
