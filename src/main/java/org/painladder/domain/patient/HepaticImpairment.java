package org.painladder.domain.patient;

/** Hepatic impairment as Child-Pugh classes it: MILD = A, MODERATE = B, SEVERE = C (clinical-rules §8.2). */
public enum HepaticImpairment {
    NONE, MILD, MODERATE, SEVERE
}
