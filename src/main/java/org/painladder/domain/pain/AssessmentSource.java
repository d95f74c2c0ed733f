package org.painladder.domain.pain;

public enum AssessmentSource {
    EHR, CLINICIAN, PATIENT
}
