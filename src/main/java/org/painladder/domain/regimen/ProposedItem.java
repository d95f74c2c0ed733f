package org.painladder.domain.regimen;

import java.math.BigDecimal;

/**
 * A regimen line as the EHR sent it, before it is checked against the formulary; any field may be missing. The line
 * fields ({@code mode}, {@code ratePerHour}, {@code bolusDose}, {@code lockoutMinutes}, {@code maxDosePer4h}) are
 * those of clinical-rules §8.10; a missing mode is SCHEDULED.
 */
public record ProposedItem(String drug, String route, BigDecimal dose, String unit, Integer timesPerDay, Boolean prn,
                           String mode, BigDecimal ratePerHour, BigDecimal bolusDose, Integer lockoutMinutes,
                           BigDecimal maxDosePer4h) {

    /** A SCHEDULED line: dose × timesPerDay. */
    public ProposedItem(String drug, String route, BigDecimal dose, String unit, Integer timesPerDay, Boolean prn) {
        this(drug, route, dose, unit, timesPerDay, prn, null, null, null, null, null);
    }
}
