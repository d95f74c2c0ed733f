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
