package dev.memoria.server.metrics;

import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.out.StorageTotals;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Store sizes under the existing service's names ({@code memoria_users_total}, {@code memoria_memories_total{type}}
 * with {@code type="all"} for the sum, {@code memoria_snapshots_total}, {@code memoria_branches_total}), so its
 * dashboards and alerts keep working. They are gauges — sizes go down — and Micrometer strips {@code _total} from
 * gauge names, so this collector reports them to the Prometheus registry directly.
 */
final class StoreSizes implements MultiCollector {

    private final Supplier<StorageTotals> totals;
    private final Labels instance;

    StoreSizes(Supplier<StorageTotals> totals, String instanceId) {
        this.totals = totals;
        this.instance = Labels.of("instance", instanceId);
    }

    @Override
    public MetricSnapshots collect() {
        StorageTotals t = totals.get();
        List<GaugeSnapshot.GaugeDataPointSnapshot> memories = new ArrayList<>();
        memories.add(point(t.activeMemories(), instance.add("type", "all")));
        for (MemoryType type : MemoryType.values()) {
            memories.add(point(t.activeByType().getOrDefault(type, 0L), instance.add("type", type.wireName())));
        }
        return MetricSnapshots.of(
                gauge("memoria_users_total", "Users with memories, branches, snapshots or keys",
                        List.of(point(t.users(), instance))),
                gauge("memoria_memories_total", "Active memories on every branch, by type", memories),
                gauge("memoria_memory_row_versions", "Memory row versions kept, active and ended",
                        List.of(point(t.rowVersions(), instance))),
                gauge("memoria_branches_total", "Branches other than main", List.of(point(t.branches(), instance))),
                gauge("memoria_snapshots_total", "Snapshots, safety snapshots included",
                        List.of(point(t.snapshots(), instance))));
    }

    private static GaugeSnapshot.GaugeDataPointSnapshot point(double value, Labels labels) {
        return GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
    }

    private static GaugeSnapshot gauge(String name, String help, List<GaugeSnapshot.GaugeDataPointSnapshot> points) {
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
        points.forEach(builder::dataPoint);
        return builder.build();
    }
}
