package org.painladder.domain.regimen;

import java.math.BigDecimal;

/** A regimen line as the EHR sent it, before it is checked against the formulary; any field may be missing. */
public record ProposedItem(String drug, String route, BigDecimal dose, String unit, Integer timesPerDay, Boolean prn) {
}
