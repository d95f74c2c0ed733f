package org.painladder.domain.patient;

/**
 * The bands of clinical-rules §8.2 that change drug choice and dose (the ORG table). A patient is in at most one renal
 * band and at most one hepatic band; MILD hepatic impairment and eGFR ≥ 60 change nothing and have no band.
 */
public enum OrganFunctionBand {
    /** eGFR 30–59. */
    RENAL_REDUCED,
    /** eGFR 15–29. */
    RENAL_SEVERE,
    /** eGFR below 15, or any dialysis. */
    RENAL_FAILURE,
    /** Child-Pugh B. */
    HEPATIC_MODERATE,
    /** Child-Pugh C. */
    HEPATIC_SEVERE,
    /** Age 75 or more (from the birth year), or recorded as frail. */
    ELDERLY_OR_FRAIL;

    public boolean isRenal() {
        return this == RENAL_REDUCED || this == RENAL_SEVERE || this == RENAL_FAILURE;
    }

    public boolean isRenalSevereOrWorse() {
        return this == RENAL_SEVERE || this == RENAL_FAILURE;
    }

    public boolean isHepaticModerateOrWorse() {
        return this == HEPATIC_MODERATE || this == HEPATIC_SEVERE;
    }
}
