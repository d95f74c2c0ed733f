package org.painladder.domain.patient;

/** Renal replacement therapy; any dialysis puts the patient in the FAILURE renal band (clinical-rules §8.2). */
public enum Dialysis {
    NONE, HAEMODIALYSIS, PERITONEAL
}
