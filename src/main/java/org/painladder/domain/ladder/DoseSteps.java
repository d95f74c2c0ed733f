package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The dose steps a prescriber can actually give, so that proposals read like prescriptions: daily doses of oral
 * morphine and oxycodone in 5 mg steps (immediate-release 5 mg units), patches in 12.5 mcg/h steps
 * (12 / 25 / 37 / 50 … combinations), rescue doses of oral morphine or oxycodone in 2.5 mg steps.
 */
final class DoseSteps {

    private DoseSteps() {
    }

    static BigDecimal dailyStep(String drug, String route) {
        if ("TRANSDERMAL".equals(route)) {
            return "FENTANYL".equals(drug) ? new BigDecimal("12.5") : new BigDecimal("5");
        }
        boolean parenteral = "SC".equals(route) || "IV".equals(route);
        return switch (drug) {
            case "MORPHINE", "OXYCODONE", "HYDROCODONE", "OXYMORPHONE" -> parenteral ? BigDecimal.ONE
                    : new BigDecimal("5");
            case "HYDROMORPHONE" -> parenteral ? new BigDecimal("0.5") : new BigDecimal("2");
            case "FENTANYL" -> new BigDecimal("25");
            case "TAPENTADOL", "TRAMADOL" -> new BigDecimal("50");
            case "CODEINE", "DIHYDROCODEINE" -> new BigDecimal("30");
            default -> BigDecimal.ONE;
        };
    }

    static BigDecimal rescueStep(String drug, String route) {
        boolean parenteral = "SC".equals(route) || "IV".equals(route);
        return switch (drug) {
            case "MORPHINE", "OXYCODONE" -> parenteral ? BigDecimal.ONE : new BigDecimal("2.5");
            case "HYDROMORPHONE" -> parenteral ? new BigDecimal("0.25") : new BigDecimal("0.5");
            default -> new BigDecimal("0.5");
        };
    }

    /** Nearest multiple of {@code step} (half up), never less than one step. */
    static BigDecimal nearest(BigDecimal value, BigDecimal step) {
        BigDecimal rounded = value.divide(step, 0, RoundingMode.HALF_UP).multiply(step);
        return plain(rounded.compareTo(step) < 0 ? step : rounded);
    }

    /** Largest multiple of {@code step} not above {@code value}. */
    static BigDecimal floor(BigDecimal value, BigDecimal step) {
        return plain(value.divide(step, 0, RoundingMode.FLOOR).multiply(step));
    }

    /** Two decimals at most, no trailing zeros: 60, 37.5, 0.25. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal scaled = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return scaled.scale() < 0 ? scaled.setScale(0) : scaled;
    }
}
