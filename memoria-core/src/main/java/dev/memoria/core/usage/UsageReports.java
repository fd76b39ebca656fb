package dev.memoria.core.usage;

import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.in.CallStats;
import dev.memoria.ports.in.ReportUsage;
import dev.memoria.ports.model.ApiCall;
import dev.memoria.ports.model.CallAggregate;
import dev.memoria.ports.model.ToolUse;
import dev.memoria.ports.out.UsageLog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Usage analytics: records through the {@link UsageRecorder}, reports from the storage's per-day sums. */
public final class UsageReports implements ReportUsage {

    static final int MAX_DAYS = 90;
    static final int RECENT_CALLS = 20;
    static final int MAX_TOOL_NAME = 128;

    private final UsageRecorder recorder;
    private final UsageLog log;
    private final Clock clock;

    public UsageReports(UsageRecorder recorder, UsageLog log, Clock clock) {
        this.recorder = recorder;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void recordCall(ApiCall call) {
        recorder.call(call);
    }

    @Override
    public void recordTool(String userId, String toolName) {
        String name = toolName == null ? "" : toolName.trim();
        // any agent may name itself; only what fits the column and prints is kept
        if (!name.isEmpty() && name.length() <= MAX_TOOL_NAME && name.chars().noneMatch(Character::isISOControl)) {
            recorder.tool(userId, name);
        }
    }

    @Override
    public List<ToolUse> toolUsage(String userId) {
        recorder.flush();
        return log.tools(userId);
    }

    @Override
    public CallStats callStats(String userId, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("invalid_days", "days must be between 1 and " + MAX_DAYS);
        }
        recorder.flush();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        List<CallAggregate> all = log.aggregate(userId, null);
        List<CallAggregate> window = all.stream().filter(a -> !a.day().isBefore(first)).toList();

        long total = window.stream().mapToLong(CallAggregate::count).sum();
        long errors = window.stream().mapToLong(CallAggregate::errors).sum();
        long latency = window.stream().mapToLong(CallAggregate::totalLatencyMs).sum();
        return new CallStats(total, ratio(latency, total), errors, ratio(errors, total), days, byPath(window),
                log.recent(userId, RECENT_CALLS), allTime(all), series(window, first, days));
    }

    private static List<CallStats.PathStats> byPath(List<CallAggregate> window) {
        Map<String, List<CallAggregate>> groups = new LinkedHashMap<>();
        window.forEach(a -> groups.computeIfAbsent(a.method() + " " + a.path(), k -> new ArrayList<>()).add(a));
        List<CallStats.PathStats> result = new ArrayList<>();
        groups.values().forEach(group -> {
            CallAggregate any = group.get(0);
            long count = group.stream().mapToLong(CallAggregate::count).sum();
            long errors = group.stream().mapToLong(CallAggregate::errors).sum();
            long latency = group.stream().mapToLong(CallAggregate::totalLatencyMs).sum();
            long max = group.stream().mapToLong(CallAggregate::maxLatencyMs).max().orElse(0);
            long rpcErrors = group.stream().mapToLong(CallAggregate::rpcErrors).sum();
            result.add(new CallStats.PathStats(any.method(), any.path(), count, ratio(latency, count), max, errors,
                    rpcErrors, ratio(errors, count)));
        });
        result.sort(Comparator.comparingLong(CallStats.PathStats::count).reversed()
                .thenComparing(CallStats.PathStats::path).thenComparing(CallStats.PathStats::method));
        return result;
    }

    private static CallStats.AllTime allTime(List<CallAggregate> all) {
        long writes = 0;
        long retrieves = 0;
        long deletes = 0;
        long retrievalMs = 0;
        for (CallAggregate a : all) {
            if (CallKinds.isWrite(a.method(), a.path())) {
                writes += a.count();
            } else if (CallKinds.isRetrieve(a.method(), a.path())) {
                retrieves += a.count();
                retrievalMs += a.totalLatencyMs();
            } else if (CallKinds.isDelete(a.method(), a.path())) {
                deletes += a.count();
            }
        }
        return new CallStats.AllTime(all.stream().mapToLong(CallAggregate::count).sum(), writes, retrieves, deletes,
                ratio(retrievalMs, retrieves));
    }

    private static List<CallStats.DaySeries> series(List<CallAggregate> window, LocalDate first, int days) {
        long[][] counts = new long[days][4];
        for (CallAggregate a : window) {
            int index = (int) ChronoUnit.DAYS.between(first, a.day());
            if (index < 0 || index >= days) {
                continue;
            }
            if (CallKinds.isWrite(a.method(), a.path())) {
                counts[index][0] += a.count();
            } else if (CallKinds.isDelete(a.method(), a.path())) {
                counts[index][1] += a.count();
            } else if (CallKinds.isRetrieve(a.method(), a.path())) {
                counts[index][2] += a.count();
            }
            counts[index][3] += a.count();
        }
        List<CallStats.DaySeries> series = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            series.add(new CallStats.DaySeries(i, counts[i][0], counts[i][1], counts[i][2], counts[i][3]));
        }
        return series;
    }

    private static double ratio(double part, double whole) {
        return whole <= 0 ? 0 : part / whole;
    }
}
