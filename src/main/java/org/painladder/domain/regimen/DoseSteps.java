package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Stream;

/**
 * The dose steps a prescriber can actually give, so that the ladder's proposals and the doses a conversion starts
 * read like prescriptions: daily doses of oral morphine and oxycodone in 5 mg steps (immediate-release 5 mg units),
 * modified-release every 12 h in two made doses, patches in 12.5 mcg/h steps (12 / 25 / 37 / 50 … combinations),
 * rescue doses of oral morphine or oxycodone in 2.5 mg steps.
 */
public final class DoseSteps {

    private DoseSteps() {
    }

    public static BigDecimal dailyStep(String drug, String route) {
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

    /**
     * Daily steps of a modified-release product given every 12 h: two equal doses of strengths that are made
     * (morphine and oxycodone MR from 5 mg in 5 mg steps, hydromorphone MR from 2 mg in 2 mg steps, tramadol and
     * tapentadol MR in 50 mg steps), so no daily total splits into an unmade half.
     */
    public static BigDecimal modifiedReleaseDailyStep(String drug) {
        return switch (drug) {
            case "MORPHINE", "OXYCODONE" -> BigDecimal.TEN;
            case "HYDROMORPHONE" -> new BigDecimal("4");
            case "TRAMADOL", "TAPENTADOL" -> new BigDecimal("100");
            default -> dailyStep(drug, "ORAL");
        };
    }

    /**
     * The step of a syringe driver's or pump's rate (mg/h or mcg/h) a titration moves in, so the new daily total is a
     * rate a nurse can set: morphine and oxycodone 0.1 mg/h, hydromorphone 0.05 mg/h, fentanyl 2.5 mcg/h.
     */
    public static BigDecimal ratePerHourStep(String drug) {
        return switch (drug) {
            case "HYDROMORPHONE" -> new BigDecimal("0.05");
            case "FENTANYL" -> new BigDecimal("2.5");
            default -> new BigDecimal("0.1");
        };
    }

    /** SC and IV doses, which a syringe driver or pump may give by the hour. */
    public static boolean byPump(String route) {
        return "SC".equals(route) || "IV".equals(route);
    }

    /** The daily total as the hourly rate a pump is set to, two decimals at most: 1500 mcg/d is 62.5 mcg/h. */
    public static BigDecimal perHour(BigDecimal dailyDose) {
        return plain(dailyDose.divide(BigDecimal.valueOf(24), 4, RoundingMode.HALF_UP));
    }

    /** 7-day patches of 5-20 mcg/h, then the 3-4-day patches of 35, 52.5 and 70 mcg/h. */
    private static final List<BigDecimal> BUPRENORPHINE_PATCHES = Stream.of("5", "10", "15", "20", "35", "52.5", "70")
            .map(BigDecimal::new).toList();
    /** Above 70 mcg/h, two patches of 35, 52.5 or 70 mcg/h: multiples of 17.5. */
    private static final BigDecimal BUPRENORPHINE_COMBINATION_STEP = new BigDecimal("17.5");

    /** The largest buprenorphine patch strength (or two-patch combination) not above {@code value}; 0 below 5. */
    public static BigDecimal buprenorphinePatchAtMost(BigDecimal value) {
        BigDecimal top = BUPRENORPHINE_PATCHES.get(BUPRENORPHINE_PATCHES.size() - 1);
        if (value.compareTo(top) > 0) {
            return floor(value, BUPRENORPHINE_COMBINATION_STEP);
        }
        return plain(BUPRENORPHINE_PATCHES.stream().filter(strength -> strength.compareTo(value) <= 0)
                .reduce(BigDecimal.ZERO, BigDecimal::max));
    }

    /** The smallest buprenorphine patch strength (or combination) above {@code value}. */
    public static BigDecimal buprenorphinePatchAbove(BigDecimal value) {
        return BUPRENORPHINE_PATCHES.stream().filter(strength -> strength.compareTo(value) > 0).findFirst()
                .map(DoseSteps::plain)
                .orElseGet(() -> floor(value, BUPRENORPHINE_COMBINATION_STEP).add(BUPRENORPHINE_COMBINATION_STEP));
    }

    public static BigDecimal rescueStep(String drug, String route) {
        boolean parenteral = "SC".equals(route) || "IV".equals(route);
        return switch (drug) {
            case "MORPHINE", "OXYCODONE" -> parenteral ? BigDecimal.ONE : new BigDecimal("2.5");
            case "HYDROMORPHONE" -> parenteral ? new BigDecimal("0.25") : new BigDecimal("0.5");
            default -> new BigDecimal("0.5");
        };
    }

    /** Nearest multiple of {@code step} (half up), never less than one step. */
    public static BigDecimal nearest(BigDecimal value, BigDecimal step) {
        BigDecimal rounded = value.divide(step, 0, RoundingMode.HALF_UP).multiply(step);
        return plain(rounded.compareTo(step) < 0 ? step : rounded);
    }

    /** Largest multiple of {@code step} not above {@code value}. */
    public static BigDecimal floor(BigDecimal value, BigDecimal step) {
        return plain(value.divide(step, 0, RoundingMode.FLOOR).multiply(step));
    }

    /** Two decimals at most, no trailing zeros: 60, 37.5, 0.25. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal scaled = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return scaled.scale() < 0 ? scaled.setScale(0) : scaled;
    }
}
