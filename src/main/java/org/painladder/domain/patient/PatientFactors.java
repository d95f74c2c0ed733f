package org.painladder.domain.patient;

import java.util.EnumSet;
import java.util.Set;

/**
 * The patient factors of clinical-rules §8.2 that change drug choice and dose. Every field is optional: an unknown
 * factor puts the patient in no band, and the rules then say what they could not check.
 */
public record PatientFactors(RenalFunction renalFunction, HepaticImpairment hepaticImpairment, Boolean frail,
                             Double weightKg, Boolean unableToSwallow) {

    /** Age at which a patient counts as elderly for starting doses (AGS Beers 2023; NCCN frail start). */
    public static final int ELDERLY_AGE = 75;
    /** eGFR edges of the renal bands (EAPC 2012 renal recommendations). */
    public static final double EGFR_NORMAL_MIN = 60;
    public static final double EGFR_REDUCED_MIN = 30;
    public static final double EGFR_SEVERE_MIN = 15;

    private static final PatientFactors NONE = new PatientFactors(null, null, null, null, null);

    public static PatientFactors none() {
        return NONE;
    }

    public boolean isFrail() {
        return Boolean.TRUE.equals(frail);
    }

    public boolean isUnableToSwallow() {
        return Boolean.TRUE.equals(unableToSwallow);
    }

    /**
     * The bands for these factors. Age counts by birth year alone (the contract records no birth date), so a patient
     * born 75 years before the current year is elderly for the whole year.
     */
    public Set<OrganFunctionBand> bands(Integer birthYear, int currentYear) {
        Set<OrganFunctionBand> bands = EnumSet.noneOf(OrganFunctionBand.class);
        if (renalFunction != null) {
            Double egfr = renalFunction.egfr();
            if (renalFunction.onDialysis() || (egfr != null && egfr < EGFR_SEVERE_MIN)) {
                bands.add(OrganFunctionBand.RENAL_FAILURE);
            } else if (egfr != null && egfr < EGFR_REDUCED_MIN) {
                bands.add(OrganFunctionBand.RENAL_SEVERE);
            } else if (egfr != null && egfr < EGFR_NORMAL_MIN) {
                bands.add(OrganFunctionBand.RENAL_REDUCED);
            }
        }
        if (hepaticImpairment == HepaticImpairment.MODERATE) {
            bands.add(OrganFunctionBand.HEPATIC_MODERATE);
        } else if (hepaticImpairment == HepaticImpairment.SEVERE) {
            bands.add(OrganFunctionBand.HEPATIC_SEVERE);
        }
        if (isFrail() || (birthYear != null && currentYear - birthYear >= ELDERLY_AGE)) {
            bands.add(OrganFunctionBand.ELDERLY_OR_FRAIL);
        }
        return Set.copyOf(bands);
    }
}
