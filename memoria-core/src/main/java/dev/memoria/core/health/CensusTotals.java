package dev.memoria.core.health;

import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;
import dev.memoria.ports.out.MemoryCensus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/** Sums over a selection of census rows (a type, a tier, everything). */
record CensusTotals(List<MemoryCensus> rows) {

    CensusTotals {
        rows = List.copyOf(rows);
    }

    CensusTotals only(Predicate<MemoryCensus> selection) {
        return new CensusTotals(rows.stream().filter(selection).toList());
    }

    long sum(ToLongFunction<MemoryCensus> field) {
        return rows.stream().mapToLong(field).sum();
    }

    double confidenceSum() {
        return rows.stream().mapToDouble(MemoryCensus::confidenceSum).sum();
    }

    long active() {
        return sum(MemoryCensus::active);
    }

    long inactive() {
        return sum(MemoryCensus::inactive);
    }

    /** Every type, zeros included, so a report always has the same keys. */
    Map<MemoryType, Long> activeByType() {
        Map<MemoryType, Long> counts = new EnumMap<>(MemoryType.class);
        for (MemoryType type : MemoryType.values()) {
            counts.put(type, only(c -> c.type() == type).active());
        }
        return counts;
    }

    Map<TrustTier, Long> activeByTier() {
        Map<TrustTier, Long> counts = new EnumMap<>(TrustTier.class);
        for (TrustTier tier : TrustTier.values()) {
            counts.put(tier, only(c -> c.tier() == tier).active());
        }
        return counts;
    }

    /** {@code part / whole}, 0 for an empty whole: an empty store is not unhealthy. */
    static double ratio(double part, double whole) {
        return whole <= 0 ? 0 : part / whole;
    }
}
