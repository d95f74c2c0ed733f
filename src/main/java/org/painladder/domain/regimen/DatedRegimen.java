package org.painladder.domain.regimen;

import java.time.Instant;

/** A regimen from the patient's history with the moment it took effect. */
public record DatedRegimen(Instant effectiveAt, Regimen regimen) {
}
