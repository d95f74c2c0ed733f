package org.painladder.domain.ladder;

/**
 * What a recommendation asks the clinician to do (api.md, "The ladder and its recommendations").
 *
 * <p>Ladder moves are the regimen-level decisions that §6.3 lets only one of be PENDING at a time (precedence 1, 4:
 * SAFETY dose cuts and the LADDER rules). Advice that can sit beside any ladder move (precedence 2 and 5:
 * cause-directed
 * treatment, adjuvants, rescue-dose checks, interventional referral) is not a ladder move, so it never supersedes one.
 */
public enum RecommendationType {
    START_STEP_1(true),
    ESCALATE_TO_STEP_2(true),
    ESCALATE_TO_STEP_3(true),
    TITRATE_DOSE(true),
    ADJUST_RESCUE_DOSE(false),
    ROTATE_OPIOID(true),
    ADD_ADJUVANT(false),
    TREAT_UNDERLYING_CAUSE(false),
    MAINTAIN(true),
    STEP_DOWN(true),
    REFER_INTERVENTIONAL(false);

    private final boolean ladderMove;

    RecommendationType(boolean ladderMove) {
        this.ladderMove = ladderMove;
    }

    /** True for the moves of which at most one may be PENDING per patient; a new one supersedes the old. */
    public boolean isLadderMove() {
        return ladderMove;
    }
}
