package org.painladder.domain.pain;

public enum AssessmentKind {
    BACKGROUND, BREAKTHROUGH
}
