package org.painladder.domain.refractory;

/**
 * Interventional options for refractory cancer pain (clinical-rules §3.3), each in the procedure family whose
 * contraindications it shares (§3.4).
 */
public enum InterventionType {
    INTRATHECAL_PUMP(Family.NEURAXIAL),
    INTRATHECAL_CATHETER(Family.NEURAXIAL),
    EPIDURAL_CATHETER(Family.NEURAXIAL),
    IV_PCA(Family.PATIENT_CONTROLLED_ANALGESIA),
    CELIAC_PLEXUS_NEUROLYSIS(Family.PLEXUS_NEUROLYSIS),
    SUPERIOR_HYPOGASTRIC_PLEXUS_NEUROLYSIS(Family.PLEXUS_NEUROLYSIS),
    GANGLION_IMPAR_NEUROLYSIS(Family.PLEXUS_NEUROLYSIS),
    INTERCOSTAL_NEUROLYSIS(Family.INTERCOSTAL),
    CORDOTOMY(Family.CORDOTOMY),
    PALLIATIVE_RADIOTHERAPY(Family.RADIOTHERAPY),
    VERTEBRAL_AUGMENTATION(Family.VERTEBRAL_AUGMENTATION);

    /** The columns of the §3.4 contraindication matrix. */
    public enum Family {
        NEURAXIAL, PLEXUS_NEUROLYSIS, INTERCOSTAL, CORDOTOMY, VERTEBRAL_AUGMENTATION, RADIOTHERAPY,
        PATIENT_CONTROLLED_ANALGESIA
    }

    private final Family family;

    InterventionType(Family family) {
        this.family = family;
    }

    public Family family() {
        return family;
    }
}
