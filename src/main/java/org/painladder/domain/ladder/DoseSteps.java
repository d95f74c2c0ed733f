package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Stream;

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

    /** 7-day patches of 5-20 mcg/h, then the 3-4-day patches of 35, 52.5 and 70 mcg/h. */
    private static final List<BigDecimal> BUPRENORPHINE_PATCHES = Stream.of("5", "10", "15", "20", "35", "52.5", "70")
            .map(BigDecimal::new).toList();
    /** Above 70 mcg/h, two patches of 35, 52.5 or 70 mcg/h: multiples of 17.5. */
    private static final BigDecimal BUPRENORPHINE_COMBINATION_STEP = new BigDecimal("17.5");

    /** The largest buprenorphine patch strength (or two-patch combination) not above {@code value}; 0 below 5. */
    static BigDecimal buprenorphinePatchAtMost(BigDecimal value) {
        BigDecimal top = BUPRENORPHINE_PATCHES.get(BUPRENORPHINE_PATCHES.size() - 1);
        if (value.compareTo(top) > 0) {
            return floor(value, BUPRENORPHINE_COMBINATION_STEP);
        }
        return plain(BUPRENORPHINE_PATCHES.stream().filter(strength -> strength.compareTo(value) <= 0)
                .reduce(BigDecimal.ZERO, BigDecimal::max));
    }

    /** The smallest buprenorphine patch strength (or combination) above {@code value}. */
    static BigDecimal buprenorphinePatchAbove(BigDecimal value) {
        return BUPRENORPHINE_PATCHES.stream().filter(strength -> strength.compareTo(value) > 0).findFirst()
                .map(DoseSteps::plain)
                .orElseGet(() -> floor(value, BUPRENORPHINE_COMBINATION_STEP).add(BUPRENORPHINE_COMBINATION_STEP));
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
