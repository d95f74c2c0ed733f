package org.painladder.domain.pain;

public enum PainCourse {
    ACUTE, CHRONIC
}
