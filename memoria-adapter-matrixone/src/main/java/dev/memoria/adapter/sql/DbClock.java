package dev.memoria.adapter.sql;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The database's own clock in SQL. Lock expiry and instance liveness are decided by this one clock, never by
 * the JVMs' clocks, so instances whose clocks drift apart still agree on who holds a lock and who is alive.
 */
record DbClock(String now, String plusSecondsTemplate) {

    static DbClock of(SqlDialect dialect) {
        if ("h2".equals(dialect.name())) {
            return new DbClock("LOCALTIMESTAMP(6)", "DATEADD(SECOND, :%s, LOCALTIMESTAMP(6))");
        }
        // MySQL, MariaDB and MatrixOne
        return new DbClock("NOW(6)", "DATE_ADD(NOW(6), INTERVAL :%s SECOND)");
    }

    /** The database's now plus the seconds bound to parameter {@code param} (negative for the past). */
    String plusSeconds(String param) {
        return String.format(plusSecondsTemplate, param);
    }

    static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    /**
     * Translates a database timestamp into the reader's clock: the value's distance from the database's now,
     * applied to the reader's now. This also hides any time zone the database's clock is read in.
     */
    static Instant toLocal(LocalDateTime value, LocalDateTime dbNow, Instant localNow) {
        if (value == null) {
            return null;
        }
        return localNow.plus(Duration.between(dbNow, value));
    }
}
