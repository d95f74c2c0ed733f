package org.painladder.domain.patient;

/** Intractable non-cancer pain that needs its own treatment beside the ladder (clinical-rules §6.8). */
public enum PainCondition {
    TRIGEMINAL_NEURALGIA, HERPES_ZOSTER_ACUTE, POSTHERPETIC_NEURALGIA, DISC_HERNIATION_RADICULOPATHY
}
