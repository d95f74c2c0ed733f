package org.painladder.domain.patient;

public enum PatientStatus {
    ACTIVE, DISCHARGED, DECEASED
}
