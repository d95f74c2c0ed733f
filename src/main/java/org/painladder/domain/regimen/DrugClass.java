package org.painladder.domain.regimen;

/** The analgesic classes of the WHO ladder (clinical-rules §1.2); an adjuvant never sets the step on its own. */
public enum DrugClass {
    NON_OPIOID(1),
    WEAK_OPIOID(2),
    STRONG_OPIOID(3),
    ADJUVANT(null);

    private final Integer ladderStep;

    DrugClass(Integer ladderStep) {
        this.ladderStep = ladderStep;
    }

    /** The ladder step a scheduled drug of this class reaches, or null for adjuvants. */
    public Integer ladderStep() {
        return ladderStep;
    }

    public boolean isOpioid() {
        return this == WEAK_OPIOID || this == STRONG_OPIOID;
    }
}
