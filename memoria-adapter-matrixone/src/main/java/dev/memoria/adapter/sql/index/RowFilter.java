package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.JsonScalars;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.SessionFilter;

import java.util.List;
import java.util.Map;

/**
 * A {@link MemoryFilter} compiled against the column layout of a {@link RowChunk}: the same rules as
 * {@link MemoryFilter#matches}, evaluated on the stored columns without building a {@code Memory} per row
 * (the scan visits up to 100k rows per query). Types become a bit mask and the tier an ordinal.
 */
final class RowFilter {

    static final RowFilter ALL = new RowFilter(MemoryFilter.ALL);

    private final SessionFilter session;
    private final String subjectId;
    private final boolean nullSubjectOnly;
    private final int typeMask;
    private final int tierOrdinal;
    private final List<Map.Entry<String, Object>> metadataEquals;
    private final boolean acceptsAll;

    private RowFilter(MemoryFilter filter) {
        this.session = filter.session();
        this.subjectId = filter.subjectId();
        this.nullSubjectOnly = filter.nullSubjectOnly();
        int mask = 0;
        for (MemoryType type : filter.types()) {
            mask |= 1 << type.ordinal();
        }
        this.typeMask = mask;
        this.tierOrdinal = filter.trustTier() == null ? -1 : filter.trustTier().ordinal();
        this.metadataEquals = List.copyOf(filter.metadataEquals().entrySet());
        this.acceptsAll = session == null && subjectId == null && !nullSubjectOnly && typeMask == 0
                && tierOrdinal < 0 && metadataEquals.isEmpty();
    }

    static RowFilter of(MemoryFilter filter) {
        return filter == null || filter.equals(MemoryFilter.ALL) ? ALL : new RowFilter(filter);
    }

    boolean acceptsAll() {
        return acceptsAll;
    }

    boolean test(RowChunk chunk, int i) {
        if (acceptsAll) {
            return true;
        }
        if (session != null && !session.matches(chunk.sessionIds[i])) {
            return false;
        }
        String rowSubject = chunk.subjectIds[i];
        if (subjectId != null && !subjectId.equals(rowSubject)) {
            return false;
        }
        if (nullSubjectOnly && rowSubject != null) {
            return false;
        }
        if (typeMask != 0) {
            int type = chunk.memoryTypes[i];
            if (type < 0 || (typeMask & (1 << type)) == 0) {
                return false;
            }
        }
        if (tierOrdinal >= 0 && chunk.trustTiers[i] != tierOrdinal) {
            return false;
        }
        if (!metadataEquals.isEmpty()) {
            Map<String, Object> metadata = chunk.metadata[i];
            for (Map.Entry<String, Object> wanted : metadataEquals) {
                if (!JsonScalars.sameValue(wanted.getValue(), metadata.get(wanted.getKey()))) {
                    return false;
                }
            }
        }
        return true;
    }
}
