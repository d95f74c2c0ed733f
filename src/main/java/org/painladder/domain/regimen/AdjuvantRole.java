package org.painladder.domain.regimen;

/**
 * Why an adjuvant is on the regimen (clinical-rules §1.9, §6.8), so that a rule asking "is a neuropathic adjuvant
 * scheduled?" is not satisfied by a laxative.
 */
public enum AdjuvantRole {
    NEUROPATHIC_PAIN,
    LOCALISED_NEUROPATHIC_PAIN,
    TRIGEMINAL_NEURALGIA,
    CORTICOSTEROID,
    BONE_METASTASES,
    COLICKY_VISCERAL_PAIN,
    OPIOID_INDUCED_CONSTIPATION,
    /** Local anaesthetics, clonidine and ziconotide in epidural and intrathecal lines (§8.10). */
    NEURAXIAL_ANALGESIA
}
