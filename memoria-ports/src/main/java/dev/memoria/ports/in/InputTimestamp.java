package dev.memoria.ports.in;

import dev.memoria.ports.error.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The spellings of a point in time that every entry point accepts ({@code older_than}, {@code from_timestamp},
 * {@code as_of}, …), over REST, MCP and the library alike: surrounding whitespace is ignored, then
 * <ul>
 *   <li>RFC 3339 with an offset: {@code 2026-04-12T10:00:00Z}, {@code 2026-04-12T10:00:00.5+02:00};</li>
 *   <li>a date and time without an offset, read as UTC: {@code 2026-04-12 10:00:00}, {@code 2026-04-12T10:00:00};</li>
 *   <li>a date alone, its start in UTC: {@code 2026-04-12}.</li>
 * </ul>
 * A space may stand for the {@code T} in every form. Anything else is refused with one message naming the field.
 */
public final class InputTimestamp {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern OFFSET = Pattern.compile(".*(Z|z|[+-]\\d{2}:\\d{2})$");

    private InputTimestamp() {
    }

    /** The instant the text names, or null when it is null or blank (the field was not given). */
    public static Instant parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            if (DATE.matcher(value).matches()) {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (value.length() > 10 && value.charAt(10) == ' ') {
                value = value.substring(0, 10) + 'T' + value.substring(11);
            }
            if (OFFSET.matcher(value).matches()) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("invalid_timestamp", field
                    + " must be an RFC 3339 timestamp (2026-04-12T10:00:00Z), 'YYYY-MM-DD HH:MM:SS' (UTC) or YYYY-MM-DD");
        }
    }
}
