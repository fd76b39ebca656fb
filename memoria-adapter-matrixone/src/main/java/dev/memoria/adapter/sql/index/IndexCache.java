package dev.memoria.adapter.sql.index;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded LRU of {@link CachedIndex} entries. The map lock is held only for lookups and bookkeeping;
 * building happens in the entry (under its own lock) and evicted entries are closed after the map lock is
 * released, so a slow build of one branch never blocks searches on another.
 */
final class IndexCache {

    private final int capacity;
    private final LinkedHashMap<CacheKey, CachedIndex> entries = new LinkedHashMap<>(16, 0.75f, true);

    IndexCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("maxCachedBranches must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** The entry for {@code key}, created (empty, built on first use) when absent; marks it recently used. */
    CachedIndex obtain(CacheKey key) {
        List<CachedIndex> evicted = new ArrayList<>();
        CachedIndex entry;
        synchronized (entries) {
            entry = entries.get(key);
            if (entry == null) {
                entry = new CachedIndex(key.branch());
                entries.put(key, entry);
                Iterator<Map.Entry<CacheKey, CachedIndex>> eldest = entries.entrySet().iterator();
                while (entries.size() > capacity) {
                    evicted.add(eldest.next().getValue());
                    eldest.remove();
                }
            }
        }
        evicted.forEach(CachedIndex::close);
        return entry;
    }

    /** The entry for {@code key} if cached (marking it recently used), without creating one. */
    CachedIndex find(CacheKey key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
