package org.painladder.domain.patient;

/** Primary tumour site of the patient's cancer diagnosis (api.md, Patients). */
public enum PrimarySite {
    PANCREAS, LUNG, BREAST, PROSTATE, COLORECTAL, STOMACH, LIVER, HEAD_NECK, CERVIX_UTERUS, OVARY, BLADDER,
    KIDNEY, MESOTHELIOMA, MYELOMA, LYMPHOMA, OTHER
}
