package dev.memoria.core.retrieval;

import dev.memoria.ports.model.Memory;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where memories that open with their own date sit on the timeline those dates span. Notes kept as a log
 * ("2023-Q4: …", "2024年3月: …", "2024-05-02: …") are often stored together,
 * long after the events, so the time they were stored says nothing about their order; the date they state does.
 * For a question about the present, the latest stated date is the present and the earliest the oldest state.
 */
final class StatedTimeline {

    static final StatedTimeline NONE = new StatedTimeline(Map.of(), 0, 0);

    /** A date at the very start: 2025-03-02, 2025/3/2, 2025.03, 2025-Q1, 2025 Q1, 2025年3月2日, 2025年3月. */
    private static final Pattern LEADING_DATE = Pattern.compile(
            "^\\s*[\\[(（【]?\\s*(\\d{4})(?:\\s*[-/ ]?\\s*[Qq]([1-4])|[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?"
                    + "|年(\\d{1,2})月(?:(\\d{1,2})日)?)(?!\\d)");

    private final Map<String, Long> days;
    private final long first;
    private final long last;

    private StatedTimeline(Map<String, Long> days, long first, long last) {
        this.days = days;
        this.first = first;
        this.last = last;
    }

    /** The timeline of the memories' stated dates; {@link #NONE} unless at least two different dates are stated. */
    static StatedTimeline of(Collection<Memory> memories) {
        Map<String, Long> days = new HashMap<>();
        for (Memory memory : memories) {
            leadingDay(memory.content()).ifPresent(day -> days.put(memory.memoryId(), day));
        }
        long first = days.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long last = days.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return first == last ? NONE : new StatedTimeline(days, first, last);
    }

    /** 0 for the earliest stated date, 1 for the latest; empty when the memory states none. */
    OptionalDouble position(Memory memory) {
        Long day = days.get(memory.memoryId());
        if (day == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) (day - first) / (last - first));
    }

    /** The first day of the period a text opens with, as an epoch day. */
    static OptionalLong leadingDay(String content) {
        Matcher m = LEADING_DATE.matcher(content);
        if (!m.find()) {
            return OptionalLong.empty();
        }
        int year = Integer.parseInt(m.group(1));
        try {
            if (m.group(2) != null) {
                return OptionalLong.of(LocalDate.of(year, 3 * Integer.parseInt(m.group(2)) - 2, 1).toEpochDay());
            }
            String month = m.group(3) != null ? m.group(3) : m.group(5);
            String day = m.group(3) != null ? m.group(4) : m.group(6);
            return OptionalLong.of(LocalDate.of(year, Integer.parseInt(month), day == null ? 1 : Integer.parseInt(day))
                    .toEpochDay());
        } catch (DateTimeException e) {
            return OptionalLong.empty(); // "2025-13" or "2025-02-30" is not a date
        }
    }
}
