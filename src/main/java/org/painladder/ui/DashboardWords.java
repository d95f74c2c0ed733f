package org.painladder.ui;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write codes, times and fractions for people: "UNDER_REVIEW" reads "Under review". */
@TemplateExtension
public final class DashboardWords {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private DashboardWords() {
    }

    static String words(Enum<?> code) {
        return code == null ? "" : words(code.name());
    }

    static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String spaced = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** "-flaggedAt" reads "Flagged, newest first". */
    static String sortWords(String sort) {
        boolean descending = sort.startsWith("-");
        return switch (descending ? sort.substring(1) : sort) {
            case "flaggedAt" -> descending ? "Flagged, newest first" : "Flagged, oldest first";
            case "latestScore" -> descending ? "Latest score, highest first" : "Latest score, lowest first";
            case "omeddMg" -> descending ? "OMEDD, highest first" : "OMEDD, lowest first";
            case "daysOnStep3" -> descending ? "Days on step 3, most first" : "Days on step 3, fewest first";
            default -> sort;
        };
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** 0.125 reads "12.5 %". */
    static String percent(BigDecimal fraction) {
        return fraction == null ? "" : fraction.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + " %";
    }
}
