package dev.memoria.server.http;

import dev.memoria.ports.error.ErrorKind;
import dev.memoria.ports.error.MemoriaException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The one parser for timestamps in request bodies. It accepts RFC 3339 ({@code 2026-12-31T23:59:59Z},
 * {@code …+02:00}) and the existing service's naive form {@code 2026-12-31 23:59:59[.ffffff]}, which its clients
 * send for {@code expires_at} and which means UTC there (its database columns have no zone). Anything else is a
 * 400: the value is not a timestamp at all, as a non-number in a query string is not a number.
 */
public final class Timestamps {

    private static final DateTimeFormatter NAIVE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    /** The instant {@code value} names; {@code field} only words the error. */
    public static Instant parse(String field, String value) {
        String text = value.trim();
        try {
            if (text.length() > 10 && text.charAt(10) == ' ') {
                return LocalDateTime.parse(text, NAIVE).toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new MemoriaException(ErrorKind.MALFORMED, "invalid_timestamp", "`" + field
                    + "` must be an RFC 3339 timestamp such as 2026-12-31T23:59:59Z or a UTC time such as "
                    + "2026-12-31 23:59:59");
        }
    }
}
