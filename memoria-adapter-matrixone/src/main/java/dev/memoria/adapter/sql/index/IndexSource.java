package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.BranchRef;

import java.util.function.Consumer;

/**
 * What the in-process retrieval index needs from storage: the branch's revision counter and the row
 * versions that are (or became, or stopped being) active. Implemented in SQL by the storage adapter.
 *
 * <p>A row version is active at revision R when {@code rev_from <= R AND (rev_to IS NULL OR rev_to > R)}.
 */
public interface IndexSource {

    /** The branch's current head revision; 0 when the branch has none. One cheap query. */
    long headRevision(BranchRef branch);

    /** Every row version of the branch that is active at {@code revision}, in any order. */
    void forEachActive(BranchRef branch, long revision, Consumer<IndexRow> sink);

    /**
     * Row versions whose {@code rev_from} or {@code rev_to} lies in {@code (afterRevision, upToRevision]}.
     * A version whose {@code rev_to} is in the range is reported with {@code added=false}; a version that is
     * active at {@code upToRevision} and whose {@code rev_from} is in the range is reported with
     * {@code added=true}. A version both started and ended inside the range must be reported only as
     * {@code added=false} (or not at all). The index applies a batch as "remove every id with added=false,
     * then add every row with added=true", so a memory replaced under the same id ends up with its new version.
     */
    void forEachChange(BranchRef branch, long afterRevision, long upToRevision, Consumer<IndexChange> sink);
}
