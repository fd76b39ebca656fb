package dev.memoria.adapter.sql;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants are stored as zone-less UTC date-times with microseconds. Binding {@link LocalDateTime} keeps the
 * drivers from applying any session or JVM time zone, and truncating to microseconds makes what we return equal
 * what a later read returns (MySQL would otherwise round the nanoseconds).
 */
final class UtcTimes {

    private UtcTimes() {
    }

    static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant fromDb(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    static Instant read(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return fromDb(rs.getObject(column, LocalDateTime.class));
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
