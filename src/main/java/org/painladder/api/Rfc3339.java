package org.painladder.api;

import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Timestamps as api.md writes them: RFC 3339 with an offset and a year of exactly four digits (0000–9999). Java's
 * ISO reader also takes -999999999 or +12026 as a year, which no EHR means and which later overflows a
 * java.util.Date on the way out; every timestamp the service reads, in a body or a query, is read here instead.
 */
public final class Rfc3339 {

    public static final String EXPECTED = "an RFC 3339 timestamp with offset and a four-digit year,"
            + " e.g. 2026-11-20T08:30:00Z";

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HH:MM", "Z")
            .toFormatter()
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private Rfc3339() {
    }

    /** @throws DateTimeParseException when the text is not such a timestamp */
    public static OffsetDateTime parse(String text) {
        return OffsetDateTime.parse(text, FORMAT);
    }
}
