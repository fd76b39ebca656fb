package dev.memoria.ports.in;

import java.util.List;

/** One page of a user's snapshots, newest first, and how many there are in all. */
public record SnapshotPage(List<SnapshotInfo> items, long total, int limit, int offset) {

    public SnapshotPage {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return (long) offset + items.size() < total;
    }
}
