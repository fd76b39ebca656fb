package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.BranchRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An in-memory {@link IndexSource} with the same versioning rules as the SQL tables (rev_from / rev_to per
 * row version, one revision counter per branch). Records which queries the index made.
 */
final class FakeIndexSource implements IndexSource {

    record Range(BranchRef branch, long after, long upTo) {
    }

    private static final class Version {
        final IndexRow row;
        final long revFrom;
        Long revTo;

        Version(IndexRow row, long revFrom) {
            this.row = row;
            this.revFrom = revFrom;
        }

        boolean activeAt(long revision) {
            return revFrom <= revision && (revTo == null || revTo > revision);
        }
    }

    private static final class BranchData {
        long head;
        final List<Version> versions = new ArrayList<>();
    }

    /** The operations of one commit; they all get the same new revision. */
    final class Commit {
        private final BranchData data;
        private final long revision;

        private Commit(BranchData data, long revision) {
            this.data = data;
            this.revision = revision;
        }

        Commit add(IndexRow row) {
            data.versions.add(new Version(row, revision));
            return this;
        }

        Commit end(String memoryId) {
            for (Version version : data.versions) {
                if (version.row.memoryId().equals(memoryId) && version.revTo == null) {
                    version.revTo = revision;
                }
            }
            return this;
        }

        Commit replace(IndexRow row) {
            return end(row.memoryId()).add(row);
        }
    }

    private final Map<BranchRef, BranchData> branches = new HashMap<>();
    private final List<Long> activeBuilds = new ArrayList<>();
    private final List<Range> changeQueries = new ArrayList<>();
    private int headQueries;

    /** Applies the operations as one new revision and returns it. */
    synchronized long commit(BranchRef branch, Consumer<Commit> operations) {
        BranchData data = branches.computeIfAbsent(branch, b -> new BranchData());
        long revision = data.head + 1;
        operations.accept(new Commit(data, revision));
        data.head = revision;
        return revision;
    }

    long add(BranchRef branch, IndexRow... rows) {
        return commit(branch, c -> {
            for (IndexRow row : rows) {
                c.add(row);
            }
        });
    }

    /** Sets the head back, as a branch deleted and recreated would (rows above it are dropped). */
    synchronized void resetTo(BranchRef branch, long revision) {
        BranchData data = branches.get(branch);
        data.versions.removeIf(v -> v.revFrom > revision);
        data.versions.forEach(v -> {
            if (v.revTo != null && v.revTo > revision) {
                v.revTo = null;
            }
        });
        data.head = revision;
    }

    @Override
    public synchronized long headRevision(BranchRef branch) {
        headQueries++;
        BranchData data = branches.get(branch);
        return data == null ? 0 : data.head;
    }

    @Override
    public synchronized void forEachActive(BranchRef branch, long revision, Consumer<IndexRow> sink) {
        activeBuilds.add(revision);
        BranchData data = branches.get(branch);
        if (data == null) {
            return;
        }
        for (Version version : data.versions) {
            if (version.activeAt(revision)) {
                sink.accept(version.row);
            }
        }
    }

    @Override
    public synchronized void forEachChange(BranchRef branch, long afterRevision, long upToRevision,
                                           Consumer<IndexChange> sink) {
        changeQueries.add(new Range(branch, afterRevision, upToRevision));
        BranchData data = branches.get(branch);
        if (data == null) {
            return;
        }
        for (Version version : data.versions) {
            boolean ended = version.revTo != null && version.revTo > afterRevision && version.revTo <= upToRevision;
            boolean started = version.revFrom > afterRevision && version.revFrom <= upToRevision;
            if (ended) {
                sink.accept(new IndexChange(version.row, false));
            } else if (started) {
                sink.accept(new IndexChange(version.row, true));
            }
        }
    }

    synchronized List<Long> activeBuilds() {
        return List.copyOf(activeBuilds);
    }

    synchronized List<Range> changeQueries() {
        return List.copyOf(changeQueries);
    }

    synchronized int headQueries() {
        return headQueries;
    }
}
