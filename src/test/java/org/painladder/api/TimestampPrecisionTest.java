package org.painladder.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** A timestamp in a body is read at the database's precision: the microsecond, never later than it was sent. */
class TimestampPrecisionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        new StrictJson().customize(MAPPER);
    }

    private static final long YEAR_1900 = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_9999 = Instant.parse("9999-12-30T00:00:00Z").getEpochSecond();

    private static final DateTimeFormatter NINE_DIGITS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");

    @Test
    void anyNanosecondTimeIsReadAsItsMicrosecond() {
        qt().withFixedSeed(20261207L).forAll(longs().between(YEAR_1900, YEAR_9999),
                        integers().between(0, 999_999_999), integers().between(-56, 56))
                .checkAssert((second, nanos, quarterHours) -> {
                    OffsetDateTime sent = Instant.ofEpochSecond(second, nanos)
                            .atOffset(ZoneOffset.ofTotalSeconds(quarterHours * 900));
                    String json = "\"" + NINE_DIGITS.format(sent) + "\"";
                    try {
                        assertEquals(sent.toInstant().truncatedTo(ChronoUnit.MICROS),
                                MAPPER.readValue(json, Instant.class));
                        assertEquals(sent.truncatedTo(ChronoUnit.MICROS), MAPPER.readValue(json, OffsetDateTime.class));
                    } catch (java.io.IOException refused) {
                        throw new AssertionError(json + " was refused", refused);
                    }
                });
    }
}
