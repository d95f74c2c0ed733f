package org.painladder.domain.pain;

public enum PainMechanism {
    NOCICEPTIVE_SOMATIC, NOCICEPTIVE_VISCERAL, NEUROPATHIC, MIXED, UNKNOWN;

    /** Neuropathic or mixed pain responds only partly to opioids and calls for an adjuvant (ADJ-01). */
    public boolean hasNeuropathicComponent() {
        return this == NEUROPATHIC || this == MIXED;
    }
}
