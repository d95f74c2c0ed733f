package org.painladder.domain.regimen;

import java.math.BigDecimal;

/**
 * One checked regimen line. A transdermal dose is the total delivery rate of the patches worn (mcg/h) and is its own
 * daily amount whatever the change interval; every other daily dose is dose x timesPerDay (for a PRN line, the most
 * that may be taken in a day).
 */
public record RegimenItem(Drug drug, Route route, BigDecimal dose, DoseUnit unit, int timesPerDay, boolean prn) {

    /** Hourly dosing is the most frequent a regimen line can describe. */
    public static final int MAX_TIMES_PER_DAY = 24;
    /** Larger single doses are typing errors in any unit the formulary uses; the store keeps 3 decimals. */
    public static final BigDecimal MAX_DOSE = new BigDecimal("100000");
    public static final int MAX_DOSE_DECIMALS = 3;

    /** Doses compare by value: 20, 20.0 and 20.000 mg are the same line. */
    public RegimenItem {
        dose = dose.stripTrailingZeros();
        if (dose.scale() < 0) {
            dose = dose.setScale(0);
        }
    }

    public BigDecimal dailyDose() {
        return route == Route.TRANSDERMAL ? dose : dose.multiply(BigDecimal.valueOf(timesPerDay));
    }

    public boolean scheduled() {
        return !prn;
    }

    public boolean isOpioid() {
        return drug.isOpioid();
    }
}
