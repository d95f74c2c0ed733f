package org.painladder.domain.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When a clinical event of a patient (a pain assessment, a procedure, a regimen taking effect, a renal measurement)
 * can have happened: not before the patient's birth year, and never before 1880, the earliest birth year the service
 * accepts, when the birth year is not known. An earlier time is a mistake in the feed (a default date, a lost
 * century), which the rules would read as ancient history.
 */
public final class ClinicalTimes {

    public static final int EARLIEST_BIRTH_YEAR = 1880;

    /** UTC+14 is the first offset to enter a new year, so no local date of the birth year falls before this. */
    private static final ZoneOffset EARLIEST_OFFSET = ZoneOffset.ofHours(14);

    private ClinicalTimes() {
    }

    /** @param birthYear the patient's, or null when not known */
    public static Instant earliest(Integer birthYear) {
        int year = birthYear == null ? EARLIEST_BIRTH_YEAR : Math.max(birthYear, EARLIEST_BIRTH_YEAR);
        return LocalDate.of(year, 1, 1).atStartOfDay().toInstant(EARLIEST_OFFSET);
    }

    public static boolean beforeBirthYear(Instant at, Integer birthYear) {
        return at.isBefore(earliest(birthYear));
    }
}
