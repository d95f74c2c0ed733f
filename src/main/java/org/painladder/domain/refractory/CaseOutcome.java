package org.painladder.domain.refractory;

/** How a refractory case ended; required when it is CLOSED. */
public enum CaseOutcome {
    INTERVENTION_DONE, NOT_A_CANDIDATE, PAIN_CONTROLLED, DECEASED
}
