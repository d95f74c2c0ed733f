package org.painladder.domain.patient;

/** Administrative sex as the EHR sends it (FHIR AdministrativeGender values). */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN
}
