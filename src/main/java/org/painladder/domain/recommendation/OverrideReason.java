package org.painladder.domain.recommendation;

/**
 * Why a clinician overrode a card in the EHR, as CDS Hooks 2.0 feedback carries it: the reason they picked, a Coding
 * (system, code and the display they read), and what they wrote. Either part may be missing, not both.
 */
public record OverrideReason(String system, String code, String display, String userComment) {

    public OverrideReason {
        if ((system == null || code == null) && (system != null || code != null || display != null)) {
            throw new IllegalArgumentException("a reason is a Coding with both a system and a code");
        }
        if (code == null && userComment == null) {
            throw new IllegalArgumentException("an override reason has a Coding, a comment, or both");
        }
    }

    public boolean coded() {
        return code != null;
    }

    /** The reason in words, as the decision note says it: "Patient declined: prefers to wait". */
    public String inWords() {
        String picked = !coded() ? null : display != null ? display : code;
        if (picked == null) {
            return userComment;
        }
        return userComment == null ? picked : picked + ": " + userComment;
    }
}
