package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The fields each line mode needs, and those it must not carry (clinical-rules §8.10): a field that does not apply
 * is refused rather than ignored, so a PCA sent with timesPerDay or an infusion with a bolus never loses what the
 * prescriber meant.
 */
final class LineFields {

    private LineFields() {
    }

    static void check(ProposedItem item, LineMode mode, Optional<Route> route, String field,
                      List<RegimenViolation> violations) {
        switch (mode) {
            case SCHEDULED, CATHETER_BOLUS -> {
                amount(item.dose(), field + ".dose", true, violations);
                Regimen.checkFrequency(item, route, field, violations);
                absent(item.ratePerHour(), "ratePerHour", mode, field, violations);
                absent(item.bolusDose(), "bolusDose", mode, field, violations);
                absent(item.lockoutMinutes(), "lockoutMinutes", mode, field, violations);
                absent(item.maxDosePer4h(), "maxDosePer4h", mode, field, violations);
            }
            case CONTINUOUS_INFUSION -> {
                amount(item.ratePerHour(), field + ".ratePerHour", true, violations);
                absent(item.dose(), "dose", mode, field, violations);
                absent(item.timesPerDay(), "timesPerDay", mode, field, violations);
                absent(item.bolusDose(), "bolusDose", mode, field, violations);
                absent(item.lockoutMinutes(), "lockoutMinutes", mode, field, violations);
                absent(item.maxDosePer4h(), "maxDosePer4h", mode, field, violations);
                notPrn(item, mode, field, violations);
            }
            case PCA -> {
                amount(item.bolusDose(), field + ".bolusDose", true, violations);
                lockout(item.lockoutMinutes(), field, violations);
                amount(item.ratePerHour(), field + ".ratePerHour", false, violations);
                if (amount(item.maxDosePer4h(), field + ".maxDosePer4h", false, violations)
                        && item.bolusDose() != null && item.maxDosePer4h().compareTo(item.bolusDose()) < 0) {
                    violations.add(new RegimenViolation(field + ".maxDosePer4h", "is below one bolusDose ("
                            + Amounts.plain(item.bolusDose()) + "): the pump could never give a demand dose"));
                }
                absent(item.dose(), "dose", mode, field, violations);
                absent(item.timesPerDay(), "timesPerDay", mode, field, violations);
                notPrn(item, mode, field, violations);
            }
        }
    }

    /**
     * A positive amount of at most 100000 with at most 3 decimals, as every dose (a regimen line's and the daily dose
     * an opioid conversion starts from); answers whether a valid value is present.
     */
    static boolean amount(BigDecimal amount, String field, boolean required,
                                  List<RegimenViolation> violations) {
        if (amount == null) {
            if (required) {
                violations.add(new RegimenViolation(field, "is required; must be a positive number"));
            }
            return false;
        }
        if (amount.signum() <= 0) {
            violations.add(new RegimenViolation(field, "must be a positive number"));
            return false;
        }
        if (amount.compareTo(RegimenItem.MAX_DOSE) > 0
                || amount.stripTrailingZeros().scale() > RegimenItem.MAX_DOSE_DECIMALS) {
            violations.add(new RegimenViolation(field, "must be at most " + RegimenItem.MAX_DOSE.toPlainString()
                    + " with at most " + RegimenItem.MAX_DOSE_DECIMALS + " decimals"));
            return false;
        }
        return true;
    }

    private static void lockout(Integer minutes, String field, List<RegimenViolation> violations) {
        if (minutes == null) {
            violations.add(new RegimenViolation(field + ".lockoutMinutes", "is required for a PCA: the minimum"
                    + " interval between two demand doses (" + RegimenItem.MIN_LOCKOUT_MINUTES + "-"
                    + RegimenItem.MAX_LOCKOUT_MINUTES + " min; 5-10 min for IV morphine, APS 2016)"));
        } else if (minutes < RegimenItem.MIN_LOCKOUT_MINUTES || minutes > RegimenItem.MAX_LOCKOUT_MINUTES) {
            violations.add(new RegimenViolation(field + ".lockoutMinutes", "must be a whole number from "
                    + RegimenItem.MIN_LOCKOUT_MINUTES + " to " + RegimenItem.MAX_LOCKOUT_MINUTES + " minutes"));
        }
    }

    private static void absent(Object value, String name, LineMode mode, String field,
                               List<RegimenViolation> violations) {
        if (value != null) {
            violations.add(new RegimenViolation(field + "." + name, "does not apply to a " + mode + " line"
                    + switch (mode) {
                        case CONTINUOUS_INFUSION -> ", which is dosed by ratePerHour";
                        case PCA -> ", which is dosed by bolusDose, lockoutMinutes, maxDosePer4h and an optional"
                                + " basal ratePerHour";
                        default -> ", which is dosed as dose × timesPerDay";
                    }));
        }
    }

    private static void notPrn(ProposedItem item, LineMode mode, String field, List<RegimenViolation> violations) {
        if (Boolean.TRUE.equals(item.prn())) {
            violations.add(new RegimenViolation(field + ".prn", "a " + mode + " line runs continuously; a PCA's"
                    + " demand doses are its as-needed part"));
        }
    }
}
