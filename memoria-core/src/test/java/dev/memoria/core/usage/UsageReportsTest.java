package dev.memoria.core.usage;

import dev.memoria.core.testing.InMemoryOperations;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.in.CallStats;
import dev.memoria.ports.model.ApiCall;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Usage analytics: queued recording, the per-route and per-day report, and what is not recorded. */
class UsageReportsTest {

    private final Instant now = Instant.parse("2026-06-10T12:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final InMemoryOperations log = new InMemoryOperations();
    private final UsageRecorder recorder = new UsageRecorder(log, clock);
    private final UsageReports usage = new UsageReports(recorder, log, clock);

    private void call(String method, String path, int status, boolean rpcError, long ms, Duration ago) {
        usage.recordCall(new ApiCall("alice", method, path, status, rpcError, ms, now.minus(ago)));
    }

    @Test
    void recordingOnlyQueuesAndAReportFlushesFirst() {
        call("POST", "/v1/memories", 201, false, 10, Duration.ZERO);
        assertThat(log.calls).as("nothing written on the request path").isEmpty();

        assertThat(usage.callStats("alice", 7).totalCalls()).isEqualTo(1);
        assertThat(log.calls).hasSize(1);
    }

    @Test
    void statsSumTheWindowByRouteAndDayAndKeepAllTimeTotals() {
        call("POST", "/v1/memories", 201, false, 10, Duration.ZERO);
        call("POST", "/v1/memories", 422, false, 30, Duration.ofHours(1));
        call("POST", "/v1/memories/retrieve", 200, false, 50, Duration.ofDays(1));
        call("POST", "/mcp/memory_retrieve", 200, true, 70, Duration.ofDays(1));
        call("DELETE", "/v1/memories/{id}", 204, false, 5, Duration.ofDays(2));
        call("POST", "/v1/memories", 201, false, 1, Duration.ofDays(20));
        usage.recordCall(new ApiCall("bob", "POST", "/v1/memories", 201, false, 1, now));

        CallStats stats = usage.callStats("alice", 7);

        assertThat(stats.days()).isEqualTo(7);
        assertThat(stats.totalCalls()).as("the call 20 days ago is outside the window").isEqualTo(5);
        assertThat(stats.errorCount()).isEqualTo(2);
        assertThat(stats.errorRate()).isEqualTo(0.4);
        assertThat(stats.averageLatencyMs()).isEqualTo(33.0);
        assertThat(stats.byPath()).first().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/v1/memories");
            assertThat(p.count()).isEqualTo(2);
            assertThat(p.averageMs()).isEqualTo(20.0);
            assertThat(p.maxMs()).isEqualTo(30);
            assertThat(p.errorCount()).isEqualTo(1);
            assertThat(p.rpcErrorCount()).isZero();
            assertThat(p.errorRate()).isEqualTo(0.5);
        });
        assertThat(stats.byPath()).filteredOn(p -> p.path().equals("/mcp/memory_retrieve")).singleElement()
                .satisfies(p -> assertThat(p.rpcErrorCount()).isEqualTo(1));
        assertThat(stats.series()).hasSize(7);
        CallStats.DaySeries today = stats.series().get(6);
        assertThat(today.dayIndex()).isEqualTo(6);
        assertThat(today.writes()).isEqualTo(2);
        assertThat(today.total()).isEqualTo(2);
        assertThat(stats.series().get(5).retrieves()).isEqualTo(2);
        assertThat(stats.series().get(4).deletes()).isEqualTo(1);
        assertThat(stats.allTime()).isEqualTo(new CallStats.AllTime(6, 3, 2, 1, 60.0));
        assertThat(stats.recentCalls()).first().satisfies(c -> assertThat(c.at()).isEqualTo(now));
    }

    @Test
    void daysOutsideOneToNinetyAreRefused() {
        assertThatThrownBy(() -> usage.callStats("alice", 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> usage.callStats("alice", 91)).isInstanceOf(InvalidInputException.class);
        assertThat(usage.callStats("alice", 90).series()).hasSize(90);
    }

    @Test
    void toolNamesAreTrimmedAndUnprintableOrOversizedOnesDropped() {
        usage.recordTool("alice", " cursor ");
        usage.recordTool("alice", "x".repeat(129));
        usage.recordTool("alice", "bad\nname");
        usage.recordTool("alice", "  ");

        assertThat(usage.toolUsage("alice")).singleElement().satisfies(t -> {
            assertThat(t.toolName()).isEqualTo("cursor");
            assertThat(t.lastUsedAt()).isEqualTo(now);
        });
        assertThat(usage.toolUsage("bob")).isEmpty();
    }

    @Test
    void aFullQueueDropsCallsInsteadOfGrowing() {
        for (int i = 0; i < UsageRecorder.MAX_PENDING + 5; i++) {
            call("GET", "/v1/memories", 200, false, 1, Duration.ZERO);
        }
        assertThat(recorder.dropped()).isEqualTo(5);
        recorder.flush();
        assertThat(log.calls).hasSize(UsageRecorder.MAX_PENDING);
    }

    @Test
    void callsPastTheRetentionArePrunedAtTheFirstFlush() {
        log.calls.add(new ApiCall("alice", "GET", "/v1/memories", 200, false, 1, now.minus(Duration.ofDays(91))));
        log.calls.add(new ApiCall("alice", "GET", "/v1/memories", 200, false, 1, now.minus(Duration.ofDays(89))));
        recorder.flush();
        assertThat(log.calls).hasSize(1);
    }
}
