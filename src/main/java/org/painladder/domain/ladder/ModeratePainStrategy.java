package org.painladder.domain.ladder;

/**
 * How moderate pain on step 0–1 is escalated (clinical-rules §1.4, §6.2): to a weak opioid (WHO 1996, the default)
 * or straight to a low-dose strong opioid (ESMO 2018 [II,C]; Bandieri 2016).
 */
public enum ModeratePainStrategy {
    WEAK_OPIOID, LOW_DOSE_STRONG_OPIOID
}
