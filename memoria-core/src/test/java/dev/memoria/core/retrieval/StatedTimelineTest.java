package dev.memoria.core.retrieval;

import dev.memoria.ports.model.Memory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.memoria.core.retrieval.TestMemories.memory;
import static org.assertj.core.api.Assertions.assertThat;

class StatedTimelineTest {

    @Test
    void readsTheCommonWaysANoteOpensWithItsDate() {
        assertThat(StatedTimeline.leadingDay("2025-03-02: rolled back the release")).hasValue(day(2025, 3, 2));
        assertThat(StatedTimeline.leadingDay("2025/3/2 回滚")).hasValue(day(2025, 3, 2));
        assertThat(StatedTimeline.leadingDay("2025.03 migrated")).hasValue(day(2025, 3, 1));
        assertThat(StatedTimeline.leadingDay("2025-Q3: 日志迁移完成")).hasValue(day(2025, 7, 1));
        assertThat(StatedTimeline.leadingDay("[2024 Q2] launch")).hasValue(day(2024, 4, 1));
        assertThat(StatedTimeline.leadingDay("2024年11月5日：决定下线")).hasValue(day(2024, 11, 5));
        assertThat(StatedTimeline.leadingDay("2024年11月 上线")).hasValue(day(2024, 11, 1));
    }

    @Test
    void aDateLaterInTheTextOrSomethingThatIsNoDateStatesNothing() {
        assertThat(StatedTimeline.leadingDay("billing-cron 计划 2026-Q1 改为每日运行")).isEmpty();
        assertThat(StatedTimeline.leadingDay("2025-13: not a month")).isEmpty();
        assertThat(StatedTimeline.leadingDay("2025-02-30 is no day")).isEmpty();
        assertThat(StatedTimeline.leadingDay("20250 requests per second")).isEmpty();
        assertThat(StatedTimeline.leadingDay("1024-bit keys are deprecated")).isEmpty();
    }

    @Test
    void placesDatedNotesBetweenTheEarliestAndTheLatestDate() {
        Memory q1 = memory("a", "2024-Q1: 试用 Kafka");
        Memory q3 = memory("b", "2024-Q3: 发现磁盘不足");
        Memory q1next = memory("c", "2025-Q1: 改用 Pulsar");
        Memory undated = memory("d", "Kafka 的监控面板已删除");

        StatedTimeline timeline = StatedTimeline.of(List.of(q1, q3, q1next, undated));

        assertThat(timeline.position(q1)).hasValue(0.0);
        assertThat(timeline.position(q1next)).hasValue(1.0);
        assertThat(timeline.position(q3).getAsDouble()).isBetween(0.45, 0.55);
        assertThat(timeline.position(undated)).isEmpty();
    }

    @Test
    void oneStatedDateIsNoTimeline() {
        assertThat(StatedTimeline.of(List.of(memory("a", "2025-Q1: 决定"), memory("b", "没有日期"))))
                .isSameAs(StatedTimeline.NONE);
    }

    private static long day(int year, int month, int day) {
        return LocalDate.of(year, month, day).toEpochDay();
    }
}
