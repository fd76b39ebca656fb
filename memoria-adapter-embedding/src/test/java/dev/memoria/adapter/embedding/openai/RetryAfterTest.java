package dev.memoria.adapter.embedding.openai;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void ignoresAbsentOrGarbledValues() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse(" ", NOW)).isNull();
        assertThat(RetryAfter.parse("-3", NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
    }

    @Test
    void backoffDoublesUpToItsCap() {
        assertThat(Backoff.DEFAULT.delay(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(Backoff.DEFAULT.delay(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(Backoff.DEFAULT.delay(10)).isEqualTo(Duration.ofSeconds(5));
    }
}
