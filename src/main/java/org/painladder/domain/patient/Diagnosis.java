package org.painladder.domain.patient;

/** The cancer diagnosis the pain belongs to; the primary site and bone metastases steer co-advice and interventions. */
public record Diagnosis(String icd10, PrimarySite primarySite, Boolean metastatic, Boolean boneMetastases) {

    public boolean hasBoneMetastases() {
        return Boolean.TRUE.equals(boneMetastases);
    }
}
