package org.painladder.domain.ladder;

import java.util.Objects;

/**
 * One of the clinical-rules §8.1 checks run on a recommendation before it is given, and what it found, so that a
 * clinician sees why a drug was swapped, a dose lowered or a move withheld.
 *
 * @param check  ORGAN_FUNCTION, TOXICITY, OPIOID_TOLERANCE, ACUTE_CAUSE, RED_FLAGS, TITRATION_INTERVAL or INTERACTION
 * @param result PASSED (nothing to change), CHANGED (the proposal was altered: detail says how), BLOCKED (a move was
 *               withheld), WARNING (the clinician must act on it) or NOT_KNOWN (the fact needed was not recorded)
 * @param detail plain words: what was checked and what it changed
 */
public record SafetyCheck(String check, String result, String detail) {

    public static final String ORGAN_FUNCTION = "ORGAN_FUNCTION";
    public static final String TOXICITY = "TOXICITY";
    public static final String OPIOID_TOLERANCE = "OPIOID_TOLERANCE";
    public static final String ACUTE_CAUSE = "ACUTE_CAUSE";
    public static final String RED_FLAGS = "RED_FLAGS";
    public static final String TITRATION_INTERVAL = "TITRATION_INTERVAL";
    /** A drug the proposal adds interacts with one the patient takes (clinical-rules §1.4, §2.5; labels). */
    public static final String INTERACTION = "INTERACTION";

    public static final String PASSED = "PASSED";
    public static final String CHANGED = "CHANGED";
    public static final String BLOCKED = "BLOCKED";
    public static final String WARNING = "WARNING";
    public static final String NOT_KNOWN = "NOT_KNOWN";

    public SafetyCheck {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
    }
}
