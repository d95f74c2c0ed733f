package org.painladder.domain.patient;

import java.time.Instant;

/**
 * The latest renal function the EHR sent: eGFR in mL/min/1.73 m² (0–200), dialysis, and when it was measured.
 * Either eGFR or a dialysis other than NONE makes it informative.
 */
public record RenalFunction(Double egfr, Dialysis dialysis, Instant measuredAt) {

    public RenalFunction {
        dialysis = dialysis == null ? Dialysis.NONE : dialysis;
    }

    public boolean onDialysis() {
        return dialysis != Dialysis.NONE;
    }
}
