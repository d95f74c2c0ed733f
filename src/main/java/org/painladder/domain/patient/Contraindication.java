package org.painladder.domain.patient;

/** Contraindications to interventional pain procedures (clinical-rules §3.4). */
public enum Contraindication {
    ANTICOAGULATED, COAGULOPATHY, SYSTEMIC_INFECTION, LOCAL_INFECTION, PATIENT_DECLINES
}
