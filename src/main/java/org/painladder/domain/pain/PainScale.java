package org.painladder.domain.pain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The five pain instruments the service accepts and how each maps onto the 0–10 score the rules use
 * (api.md "Pain assessments"; clinical-rules §4.1). The raw value is kept as sent; only the score is derived.
 */
public enum PainScale {
    /** Numeric rating, integer 0–10, identity. */
    NRS {
        @Override
        public ScaleReading read(String rawValue) {
            return integerIn(rawValue, 0, 10, "NRS takes an integer from 0 to 10");
        }
    },
    /** Visual analogue, 0–100 mm; score = mm / 10 rounded half up (65 mm → 7, 64 mm → 6). */
    VAS {
        @Override
        public ScaleReading read(String rawValue) {
            BigDecimal mm = decimal(rawValue);
            if (mm == null || mm.signum() < 0 || mm.compareTo(BigDecimal.valueOf(100)) > 0) {
                return new ScaleReading.Rejected("VAS takes a length from 0 to 100 mm");
            }
            int score = mm.divide(BigDecimal.TEN).setScale(0, RoundingMode.HALF_UP).intValueExact();
            return new ScaleReading.Accepted(mm.stripTrailingZeros().toPlainString(), score);
        }
    },
    /** Verbal rating: NONE / MILD / MODERATE / SEVERE scored 0 / 2 / 5 / 8. */
    VRS {
        @Override
        public ScaleReading read(String rawValue) {
            if (rawValue == null) {
                return new ScaleReading.Rejected(VRS_MESSAGE);
            }
            String word = rawValue.trim().toUpperCase(Locale.ROOT);
            return switch (word) {
                case "NONE" -> new ScaleReading.Accepted(word, 0);
                case "MILD" -> new ScaleReading.Accepted(word, 2);
                case "MODERATE" -> new ScaleReading.Accepted(word, 5);
                case "SEVERE" -> new ScaleReading.Accepted(word, 8);
                default -> new ScaleReading.Rejected(VRS_MESSAGE);
            };
        }
    },
    /** Wong-Baker FACES: the six faces 0, 2, 4, 6, 8, 10; odd values do not exist on the scale. */
    FACES {
        @Override
        public ScaleReading read(String rawValue) {
            ScaleReading reading = integerIn(rawValue, 0, 10, "FACES takes an even integer from 0 to 10");
            if (reading instanceof ScaleReading.Accepted accepted && accepted.score() % 2 != 0) {
                return new ScaleReading.Rejected("FACES takes an even integer from 0 to 10 (one of the six faces)");
            }
            return reading;
        }
    },
    /** PAINAD observer scale for people who cannot self-report: 5 items × 0–2, total 0–10. */
    PAINAD {
        @Override
        public ScaleReading read(String rawValue) {
            return integerIn(rawValue, 0, 10, "PAINAD takes an integer total from 0 to 10");
        }
    };

    private static final String VRS_MESSAGE = "VRS takes one of NONE, MILD, MODERATE, SEVERE";

    /** Reads a raw value as sent by the EHR (a number or, for VRS, a word) into a 0–10 score or a rejection. */
    public abstract ScaleReading read(String rawValue);

    private static ScaleReading integerIn(String rawValue, int min, int max, String message) {
        BigDecimal value = decimal(rawValue);
        if (value == null || value.stripTrailingZeros().scale() > 0) {
            return new ScaleReading.Rejected(message);
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            return new ScaleReading.Rejected(message);
        }
        int score = value.intValueExact();
        return new ScaleReading.Accepted(Integer.toString(score), score);
    }

    private static BigDecimal decimal(String rawValue) {
        if (rawValue == null || rawValue.isBlank() || rawValue.length() > 32) {
            return null;
        }
        try {
            return new BigDecimal(rawValue.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
