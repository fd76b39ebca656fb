package dev.memoria.core.testing;

import dev.memoria.ports.model.ApiCall;
import dev.memoria.ports.model.AuditEntry;
import dev.memoria.ports.model.CallAggregate;
import dev.memoria.ports.model.ToolUse;
import dev.memoria.ports.out.AuditLog;
import dev.memoria.ports.out.HealthStatistics;
import dev.memoria.ports.out.MemoryCensus;
import dev.memoria.ports.out.OperationsPorts;
import dev.memoria.ports.out.OrphanCounts;
import dev.memoria.ports.out.UsageLog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Usage log and audit trail in lists, for core tests; health sums are empty (the SQL contract covers them). */
public final class InMemoryOperations implements UsageLog, AuditLog {

    public final List<ApiCall> calls = new ArrayList<>();
    public final List<AuditEntry> audit = new ArrayList<>();
    private final Map<String, Map<String, Instant>> tools = new HashMap<>();

    public OperationsPorts ports() {
        HealthStatistics empty = new HealthStatistics() {
            @Override
            public List<MemoryCensus> census(String userId, Instant now, Instant staleBefore, Instant recentSince) {
                return List.of();
            }

            @Override
            public OrphanCounts orphans(String userId) {
                return new OrphanCounts(0, 0, 0, 0);
            }

            @Override
            public long vectorCount() {
                return 0;
            }
        };
        return new OperationsPorts(empty, this, this);
    }

    @Override
    public synchronized void recordCalls(List<ApiCall> batch) {
        calls.addAll(batch);
    }

    @Override
    public synchronized void touchTools(String userId, Map<String, Instant> lastUsed) {
        tools.computeIfAbsent(userId, u -> new HashMap<>()).putAll(lastUsed);
    }

    @Override
    public synchronized List<ToolUse> tools(String userId) {
        return tools.getOrDefault(userId, Map.of()).entrySet().stream()
                .map(e -> new ToolUse(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(ToolUse::lastUsedAt).reversed()).toList();
    }

    @Override
    public synchronized List<CallAggregate> aggregate(String userId, Instant since) {
        Map<String, List<ApiCall>> groups = new LinkedHashMap<>();
        calls.stream().filter(c -> c.userId().equals(userId) && (since == null || !c.at().isBefore(since)))
                .forEach(c -> groups.computeIfAbsent(LocalDate.ofInstant(c.at(), ZoneOffset.UTC) + " " + c.method()
                        + " " + c.path(), k -> new ArrayList<>()).add(c));
        List<CallAggregate> result = new ArrayList<>();
        groups.values().forEach(g -> result.add(new CallAggregate(LocalDate.ofInstant(g.get(0).at(), ZoneOffset.UTC),
                g.get(0).method(), g.get(0).path(), g.size(), g.stream().mapToLong(ApiCall::latencyMs).sum(),
                g.stream().mapToLong(ApiCall::latencyMs).max().orElse(0), g.stream().filter(ApiCall::failed).count(),
                g.stream().filter(ApiCall::rpcError).count())));
        return result;
    }

    @Override
    public synchronized List<ApiCall> recent(String userId, int limit) {
        return calls.stream().filter(c -> c.userId().equals(userId))
                .sorted(Comparator.comparing(ApiCall::at).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized long prune(Instant before) {
        int size = calls.size();
        calls.removeIf(c -> c.at().isBefore(before));
        return size - calls.size();
    }

    @Override
    public synchronized void record(AuditEntry entry) {
        audit.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> recent(int limit) {
        return audit.stream().sorted(Comparator.comparing(AuditEntry::at).reversed()).limit(limit).toList();
    }
}
