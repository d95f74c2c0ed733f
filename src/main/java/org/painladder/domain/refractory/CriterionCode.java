package org.painladder.domain.refractory;

/** Why a case was flagged (clinical-rules §6.5), in the codes the worklist shows under {@code criteria[].code}. */
public enum CriterionCode {
    ON_STEP3_MIN_DAYS,
    PERSISTENT_MODERATE_OR_SEVERE,
    FREQUENT_BREAKTHROUGH,
    HIGH_OMEDD,
    DOSE_LIMITING_ADVERSE_EFFECTS,
    MULTIPLE_OPIOIDS_FAILED,
    ADJUVANT_TRIED
}
