package org.painladder.api;

import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.regex.Pattern;

/**
 * Timestamps as api.md writes them: RFC 3339 with seconds, an offset and a year of exactly four digits (0000–9999).
 * Java's ISO reader also takes -999999999 or +12026 as a year, which no EHR means and which later overflows a
 * java.util.Date on the way out, a time without seconds, and offsets up to 18 hours; every timestamp the service
 * reads, in a body or a query, is read here instead.
 */
public final class Rfc3339 {

    public static final String EXPECTED = "an RFC 3339 timestamp with offset and a four-digit year,"
            + " e.g. 2026-11-20T08:30:00Z";

    /** The widest offsets any time zone has (Line Islands +14:00); FHIR R4's dateTime allows no more either. */
    private static final int MAX_OFFSET_SECONDS = 14 * 3600;

    private static final Pattern WITHOUT_SECONDS = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}([Zz]|[+-]\\d{2}:\\d{2})");

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter()
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private Rfc3339() {
    }

    /**
     * @throws DateTimeParseException when the text is not such a timestamp; its message says why, in words for a
     *                                problem's violation ("must be …", "has no seconds …")
     */
    public static OffsetDateTime parse(String text) {
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(text, FORMAT);
        } catch (DateTimeParseException malformed) {
            String why = WITHOUT_SECONDS.matcher(text).matches()
                    ? "has no seconds: RFC 3339 writes a time as hh:mm:ss, e.g. 2026-11-20T08:30:00Z"
                    : "must be " + EXPECTED;
            throw new DateTimeParseException(why, text, malformed.getErrorIndex(), malformed);
        }
        if (Math.abs(parsed.getOffset().getTotalSeconds()) > MAX_OFFSET_SECONDS) {
            throw new DateTimeParseException("has the offset " + parsed.getOffset().getId() + ", which no time zone"
                    + " has: offsets run from -14:00 to +14:00", text, text.length() - 6);
        }
        return parsed;
    }

    /** Why a text is not such a timestamp, in the words of {@link #parse}; null when it is one. */
    public static String refusal(String text) {
        try {
            parse(text);
            return null;
        } catch (DateTimeParseException refused) {
            return refused.getMessage();
        }
    }
}
