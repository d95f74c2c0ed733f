package org.painladder.domain.pain;

/** Findings reported with an assessment that point at an emergency behind the pain (clinical-rules §8.8). */
public enum RedFlag {
    NEW_NEUROLOGICAL_DEFICIT, SPHINCTER_DYSFUNCTION, FEVER, FALL_OR_INJURY
}
