package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One scheduled (by the clock, not PRN) item of the current regimen, as the rules need it.
 *
 * @param code      formulary code, e.g. "OXYCODONE"
 * @param drugClass NON_OPIOID, WEAK_OPIOID, STRONG_OPIOID or ADJUVANT (the formulary class)
 * @param route     ORAL, SC, IV, TRANSDERMAL …
 * @param dailyDose the total daily dose in {@code unit}; for a patch the delivery rate in mcg/h
 * @param unit      mg, mcg or mcg/h
 * @param omeddMg   its oral morphine equivalent in mg/day, or null for non-opioids and buprenorphine
 * @param atCeiling the daily dose is at or above the drug's ceiling (weak opioids, non-opioids)
 * @param titratable the ladder may change this line's dose: false for epidural and intrathecal lines (specialist
 *                   protocol) and PCA (self-titrated), which still set the step (clinical-rules §8.10)
 */
public record ScheduledDrug(String code, String drugClass, String route, BigDecimal dailyDose, String unit,
                            BigDecimal omeddMg, boolean atCeiling, boolean titratable) {

    public static final String NON_OPIOID = "NON_OPIOID";
    public static final String WEAK_OPIOID = "WEAK_OPIOID";
    public static final String STRONG_OPIOID = "STRONG_OPIOID";
    public static final String ADJUVANT = "ADJUVANT";

    public ScheduledDrug {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(drugClass, "drugClass");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(dailyDose, "dailyDose");
        Objects.requireNonNull(unit, "unit");
    }

    /** A line the ladder titrates. */
    public ScheduledDrug(String code, String drugClass, String route, BigDecimal dailyDose, String unit,
                         BigDecimal omeddMg, boolean atCeiling) {
        this(code, drugClass, route, dailyDose, unit, omeddMg, atCeiling, true);
    }

    public boolean isStrongOpioid() {
        return STRONG_OPIOID.equals(drugClass);
    }

    public boolean isWeakOpioid() {
        return WEAK_OPIOID.equals(drugClass);
    }

    public boolean isOpioid() {
        return isStrongOpioid() || isWeakOpioid();
    }

    public boolean isNonOpioid() {
        return NON_OPIOID.equals(drugClass);
    }

    public boolean isFentanylPatch() {
        return "FENTANYL".equals(code) && "TRANSDERMAL".equals(route);
    }

    public boolean isBuprenorphinePatch() {
        return "BUPRENORPHINE".equals(code) && "TRANSDERMAL".equals(route);
    }

    public boolean isAdjuvant() {
        return ADJUVANT.equals(drugClass);
    }
}
