package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One checked regimen line. A transdermal dose is the total delivery rate of the patches worn (mcg/h) and is its own
 * daily amount whatever the change interval; a SCHEDULED or CATHETER_BOLUS daily dose is dose x timesPerDay (for a
 * PRN line, the most that may be taken in a day); a CONTINUOUS_INFUSION gives ratePerHour x 24; a PCA gives at most
 * its basal rate x 24 plus its demand maximum (clinical-rules §8.10).
 *
 * @param dose           null for CONTINUOUS_INFUSION and PCA lines
 * @param timesPerDay    0 for CONTINUOUS_INFUSION and PCA lines
 * @param ratePerHour    the infusion rate, or a PCA's basal rate (null: no basal), in {@code unit} per hour
 * @param bolusDose      a PCA's demand dose
 * @param lockoutMinutes a PCA's lockout interval
 * @param maxDosePer4h   a PCA's 4-hour limit (null: only the lockout limits it)
 */
public record RegimenItem(Drug drug, Route route, BigDecimal dose, DoseUnit unit, int timesPerDay, boolean prn,
                          LineMode mode, BigDecimal ratePerHour, BigDecimal bolusDose, Integer lockoutMinutes,
                          BigDecimal maxDosePer4h) {

    /** Hourly dosing is the most frequent a regimen line can describe. */
    public static final int MAX_TIMES_PER_DAY = 24;
    /** Larger single doses are typing errors in any unit the formulary uses; the store keeps 3 decimals. */
    public static final BigDecimal MAX_DOSE = new BigDecimal("100000");
    public static final int MAX_DOSE_DECIMALS = 3;
    /** PCA lockouts outside 5-60 min are not set on a pump (APS 2016 gives 5-10 min for IV morphine). */
    public static final int MIN_LOCKOUT_MINUTES = 5;
    public static final int MAX_LOCKOUT_MINUTES = 60;
    private static final BigDecimal HOURS_PER_DAY = new BigDecimal("24");
    private static final BigDecimal FOUR_HOUR_PERIODS_PER_DAY = new BigDecimal("6");
    private static final BigDecimal MINUTES_PER_FOUR_HOURS = new BigDecimal("240");

    /** Doses compare by value: 20, 20.0 and 20.000 mg are the same line. */
    public RegimenItem {
        mode = mode == null ? LineMode.SCHEDULED : mode;
        dose = byValue(dose);
        ratePerHour = byValue(ratePerHour);
        bolusDose = byValue(bolusDose);
        maxDosePer4h = byValue(maxDosePer4h);
    }

    /** A SCHEDULED line. */
    public RegimenItem(Drug drug, Route route, BigDecimal dose, DoseUnit unit, int timesPerDay, boolean prn) {
        this(drug, route, dose, unit, timesPerDay, prn, LineMode.SCHEDULED, null, null, null, null);
    }

    /** The daily amount: by the clock for every mode but PCA, at most for a PCA. */
    public BigDecimal dailyDose() {
        return switch (mode) {
            case CONTINUOUS_INFUSION -> basalDailyDose();
            case PCA -> basalDailyDose().add(demandDailyMaximum());
            default -> route == Route.TRANSDERMAL ? dose : dose.multiply(BigDecimal.valueOf(timesPerDay));
        };
    }

    /** An infusion's or a PCA's basal rate over 24 h; 0 without one. */
    public BigDecimal basalDailyDose() {
        return ratePerHour == null ? BigDecimal.ZERO : ratePerHour.multiply(HOURS_PER_DAY);
    }

    /**
     * The most a PCA's demand doses can give in a day: its 4-hour maximum pro rata (× 6), or without one every bolus
     * the lockout allows (240 / lockout whole boluses per 4 h, × 6). 0 for other modes.
     */
    public BigDecimal demandDailyMaximum() {
        if (mode != LineMode.PCA) {
            return BigDecimal.ZERO;
        }
        return demandMaximumPer4h().multiply(FOUR_HOUR_PERIODS_PER_DAY);
    }

    /** A PCA's 4-hour demand limit: the one set, else the boluses the lockout allows in 4 h. */
    public BigDecimal demandMaximumPer4h() {
        if (maxDosePer4h != null) {
            return maxDosePer4h;
        }
        return bolusDose.multiply(MINUTES_PER_FOUR_HOURS.divide(BigDecimal.valueOf(lockoutMinutes), 0,
                RoundingMode.FLOOR));
    }

    public boolean scheduled() {
        return !prn;
    }

    public boolean isOpioid() {
        return drug.isOpioid();
    }

    /** An opioid given by the clock: a scheduled line, an infusion, or a PCA's basal rate (not its demand doses). */
    public boolean opioidByTheClock() {
        return isOpioid() && !prn && (mode != LineMode.PCA || ratePerHour != null);
    }

    /** A line the oral ladder does not titrate: neuraxial lines (specialist protocol) and PCA (self-titrated). */
    public boolean outsideOralTitration() {
        return route.isNeuraxial() || mode == LineMode.PCA;
    }

    private static BigDecimal byValue(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
