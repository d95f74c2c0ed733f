package org.painladder.domain.pain;

/** Adverse-effect severity: CTCAE grade 1 / 2 / 3+, and POSS 2 / 3 / 4 for sedation (clinical-rules §4.5). */
public enum Severity {
    MILD, MODERATE, SEVERE;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
