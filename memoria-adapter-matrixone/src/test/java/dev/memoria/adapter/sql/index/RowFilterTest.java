package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.SessionFilter;
import dev.memoria.ports.model.TrustTier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiled filter must agree with {@link MemoryFilter#matches} on every row, whatever the filter. */
class RowFilterTest {

    private static final List<String> SESSIONS = java.util.Arrays.asList(null, "s1", "s2");
    private static final List<String> SUBJECTS = java.util.Arrays.asList(null, "bob", "carol");
    private static final List<Object> VALUES = java.util.Arrays.asList(null, 2, 2.0, 3L, "2", "x", true, false);

    @Test
    void agreesWithMemoryFilterMatches() {
        Random random = new Random(7);
        RowArena arena = new RowArena();
        List<IndexRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            IndexRow row = randomRow(random, "m" + i);
            rows.add(row);
            arena.append(row);
        }
        RowView view = arena.view();
        for (int f = 0; f < 400; f++) {
            MemoryFilter filter = randomFilter(random);
            RowFilter compiled = RowFilter.of(filter);
            for (int slot = 0; slot < rows.size(); slot++) {
                boolean expected = filter.matches(toMemory(rows.get(slot)));
                boolean actual = compiled.test(view.chunks()[slot >>> RowChunk.BITS], slot & RowChunk.MASK);
                assertThat(actual).as("filter %s on row %s", filter, rows.get(slot)).isEqualTo(expected);
            }
        }
    }

    private static IndexRow randomRow(Random random, String id) {
        Map<String, Object> metadata = new HashMap<>();
        if (random.nextBoolean()) {
            metadata.put("k", pick(random, VALUES));
        }
        if (random.nextBoolean()) {
            metadata.put("j", pick(random, VALUES));
        }
        return new IndexRow(id, "c", pick(random, List.of(MemoryType.values())),
                pick(random, List.of(TrustTier.values())), pick(random, SESSIONS), pick(random, SUBJECTS),
                metadata, null);
    }

    private static MemoryFilter randomFilter(Random random) {
        SessionFilter session = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> SessionFilter.exactly(random.nextBoolean() ? "s1" : "s2");
            default -> SessionFilter.orUnscoped(random.nextBoolean() ? "s1" : "s2");
        };
        boolean nullSubjectOnly = random.nextInt(4) == 0;
        String subject = nullSubjectOnly ? null : pick(random, SUBJECTS);
        Set<MemoryType> types = new HashSet<>();
        for (MemoryType type : MemoryType.values()) {
            if (random.nextInt(4) == 0) {
                types.add(type);
            }
        }
        TrustTier tier = random.nextBoolean() ? null : pick(random, List.of(TrustTier.values()));
        Map<String, Object> metadata = new HashMap<>();
        if (random.nextInt(3) == 0) {
            Object value = pick(random, VALUES);
            if (value != null) { // Map.copyOf in MemoryFilter rejects null values
                metadata.put(random.nextBoolean() ? "k" : "j", value);
            }
        }
        return new MemoryFilter(session, subject, nullSubjectOnly, types, tier, metadata);
    }

    private static Memory toMemory(IndexRow row) {
        return new Memory(row.memoryId(), "u", row.memoryType(), row.content(), row.trustTier(), 1.0,
                row.sessionId(), row.subjectId(), null, row.extraMetadata(), Instant.EPOCH, Instant.EPOCH, null,
                true, row.embedding());
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
