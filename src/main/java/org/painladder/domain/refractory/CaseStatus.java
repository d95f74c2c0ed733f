package org.painladder.domain.refractory;

/**
 * Where a refractory case stands on the palliative team's worklist. Cases move forward one step at a time,
 * OPEN → UNDER_REVIEW → REFERRED → CLOSED, and may be closed from any open status (api.md "Refractory cases").
 */
public enum CaseStatus {
    OPEN, UNDER_REVIEW, REFERRED, CLOSED;

    public boolean canMoveTo(CaseStatus next) {
        if (this == CLOSED) {
            return false;
        }
        return next == CLOSED || next.ordinal() == ordinal() + 1;
    }

    public boolean isOpen() {
        return this != CLOSED;
    }
}
