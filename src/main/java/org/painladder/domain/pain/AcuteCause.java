package org.painladder.domain.pain;

/** The treatable cause of an acute pain episode (clinical-rules §6.4, CAU rules). Only valid with course ACUTE. */
public enum AcuteCause {
    INFECTIOUS_INFLAMMATORY, NONINFECTIOUS_INFLAMMATORY, TRAUMATIC, POSTOPERATIVE
}
