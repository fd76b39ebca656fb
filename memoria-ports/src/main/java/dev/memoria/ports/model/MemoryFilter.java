package dev.memoria.ports.model;

import java.util.Map;
import java.util.Set;

/**
 * Selects active memories. Every non-null part must match (AND).
 *
 * @param session          session restriction, or null for any session
 * @param subjectId        required subject, or null for any subject
 * @param nullSubjectOnly  when true (and subjectId is null) only rows without a subject match; used by
 *                         write-time dedup, where the subject partition includes "no subject"
 * @param types            allowed memory types; empty means all
 * @param trustTier        required tier, or null
 * @param metadataEquals   top-level {@code extra_metadata} keys that must equal these scalar values
 *                         (type-preserving: the string "2" does not equal the number 2; 2 equals 2.0)
 */
public record MemoryFilter(
        SessionFilter session,
        String subjectId,
        boolean nullSubjectOnly,
        Set<MemoryType> types,
        TrustTier trustTier,
        Map<String, Object> metadataEquals) {

    public static final MemoryFilter ALL = new MemoryFilter(null, null, false, Set.of(), null, Map.of());

    public MemoryFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
        metadataEquals = metadataEquals == null ? Map.of() : Map.copyOf(metadataEquals);
        if (nullSubjectOnly && subjectId != null) {
            throw new IllegalArgumentException("nullSubjectOnly excludes a subjectId");
        }
    }

    public MemoryFilter withSession(SessionFilter value) {
        return new MemoryFilter(value, subjectId, nullSubjectOnly, types, trustTier, metadataEquals);
    }

    public MemoryFilter withSubject(String value) {
        return new MemoryFilter(session, value, false, types, trustTier, metadataEquals);
    }

    /** Exactly this subject partition: the given subject, or only rows without one when null. */
    public MemoryFilter withSubjectPartition(String value) {
        return new MemoryFilter(session, value, value == null, types, trustTier, metadataEquals);
    }

    public MemoryFilter withTypes(Set<MemoryType> value) {
        return new MemoryFilter(session, subjectId, nullSubjectOnly, value, trustTier, metadataEquals);
    }

    public MemoryFilter withTrustTier(TrustTier value) {
        return new MemoryFilter(session, subjectId, nullSubjectOnly, types, value, metadataEquals);
    }

    public MemoryFilter withMetadataEquals(Map<String, Object> value) {
        return new MemoryFilter(session, subjectId, nullSubjectOnly, types, trustTier, value);
    }

    /** Evaluates the filter in memory; adapters that cannot push a part into SQL use this. */
    public boolean matches(Memory memory) {
        if (session != null && !session.matches(memory.sessionId())) {
            return false;
        }
        if (subjectId != null && !subjectId.equals(memory.subjectId())) {
            return false;
        }
        if (nullSubjectOnly && memory.subjectId() != null) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(memory.memoryType())) {
            return false;
        }
        if (trustTier != null && trustTier != memory.trustTier()) {
            return false;
        }
        for (Map.Entry<String, Object> wanted : metadataEquals.entrySet()) {
            if (!JsonScalars.sameValue(wanted.getValue(), memory.extraMetadata().get(wanted.getKey()))) {
                return false;
            }
        }
        return true;
    }

    public boolean hasMetadataCondition() {
        return !metadataEquals.isEmpty();
    }

    @Override
    public String toString() {
        return "MemoryFilter[session=" + session + ", subject=" + subjectId + ", nullSubjectOnly=" + nullSubjectOnly
                + ", types=" + types + ", tier=" + trustTier + ", metadata=" + metadataEquals.keySet() + "]";
    }
}
