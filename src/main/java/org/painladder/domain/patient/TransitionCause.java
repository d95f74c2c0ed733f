package org.painladder.domain.patient;

/** Why the patient's ladder step moved (api.md "The ladder and its recommendations"). */
public enum TransitionCause {
    /** A new regimen whose derived step differs from the step the patient was on. */
    REGIMEN_CHANGE,
    /** A clinician accepted an escalation or a step-down; the step holds until the next regimen change. */
    RECOMMENDATION_ACCEPTED
}
