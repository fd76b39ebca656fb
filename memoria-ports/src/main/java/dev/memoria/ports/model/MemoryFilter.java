package dev.memoria.ports.model;

import dev.memoria.ports.error.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
 *                         (type-preserving: the string "2" does not equal the number 2; 2 equals 2.0); at
 *                         most {@value #MAX_METADATA_FIELDS} keys matching {@code [A-Za-z_][A-Za-z0-9_]*} of at most
 *                         {@value #MAX_METADATA_KEY_BYTES} bytes, values strings, numbers or booleans of at most
 *                         {@value #MAX_METADATA_VALUE_BYTES} bytes (UTF-8)
 */
public record MemoryFilter(
        SessionFilter session,
        String subjectId,
        boolean nullSubjectOnly,
        Set<MemoryType> types,
        TrustTier trustTier,
        Map<String, Object> metadataEquals) {

    public static final int MAX_METADATA_FIELDS = 16;
    public static final int MAX_METADATA_KEY_BYTES = 64;
    public static final int MAX_METADATA_VALUE_BYTES = 1024;
    private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static final MemoryFilter ALL = new MemoryFilter(null, null, false, Set.of(), null, Map.of());

    public MemoryFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
        metadataEquals = metadataEquals == null ? Map.of() : Map.copyOf(checkedMetadata(metadataEquals));
        if (nullSubjectOnly && subjectId != null) {
            throw new IllegalArgumentException("nullSubjectOnly excludes a subjectId");
        }
    }

    private static Map<String, Object> checkedMetadata(Map<String, Object> filter) {
        if (filter.size() > MAX_METADATA_FIELDS) {
            throw new InvalidInputException("invalid_metadata_filter",
                    "extra_metadata_filter must not contain more than " + MAX_METADATA_FIELDS + " fields");
        }
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            if (!METADATA_KEY.matcher(entry.getKey()).matches() || entry.getKey().length() > MAX_METADATA_KEY_BYTES) {
                throw new InvalidInputException("invalid_metadata_filter", "extra_metadata_filter keys must match "
                        + "[A-Za-z_][A-Za-z0-9_]* and be at most " + MAX_METADATA_KEY_BYTES + " bytes");
            }
            Object value = entry.getValue();
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new InvalidInputException("invalid_metadata_filter",
                        "extra_metadata_filter values must be strings, numbers or booleans");
            }
            if (String.valueOf(value).getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_VALUE_BYTES) {
                throw new InvalidInputException("invalid_metadata_filter",
                        "extra_metadata_filter values must be at most " + MAX_METADATA_VALUE_BYTES + " bytes");
            }
        }
        return filter;
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
