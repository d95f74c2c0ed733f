package org.painladder.domain.ladder;

import java.util.List;

/** Where clinical-rules §6 leaves a choice, what the engine does and why, in a palliative-care physician's words. */
final class LadderChoices {

    static final List<String> ALL = List.of(
            "Ladder moves are START_STEP_1, ESCALATE_TO_STEP_2, ESCALATE_TO_STEP_3, TITRATE_DOSE (including the SAF dose "
                    + "cuts), ROTATE_OPIOID, STEP_DOWN and MAINTAIN: at most one is pending, a new one supersedes it. "
                    + "Cause-directed treatment, adjuvants, rescue-dose checks and referrals sit beside them (§6.3).");

    private LadderChoices() {
    }
}
