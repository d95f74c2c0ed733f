package org.painladder.domain.refractory;

import java.util.List;
import java.util.Objects;

/** What REF-01 concluded: refractory with the criteria that held, or not, with the first condition that failed. */
public sealed interface RefractoryVerdict {

    String RULE_ID = "REF-01";

    /** Every REF-01 condition held; {@code criteria} lists each criterion that held, in §6.5 order. */
    record Refractory(List<Criterion> criteria) implements RefractoryVerdict {
        public Refractory {
            criteria = List.copyOf(criteria);
        }
    }

    /**
     * @param reason  the REF-01 condition that failed first, in the order (a) to (e)
     * @param detail  the same in clinical words with the numbers, e.g. "on step 3 for 13 days (< 14)"
     */
    record NotRefractory(Reason reason, String detail) implements RefractoryVerdict {
        public NotRefractory {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The REF-01 conditions (a) to (e) of clinical-rules §6.4. */
    enum Reason {
        NOT_ON_STEP_3,
        STEP_3_TRIAL_TOO_SHORT,
        PAIN_NOT_UNCONTROLLED,
        NO_ESCALATION_LIMIT_REACHED,
        ACUTE_CAUSE_SUPPRESSION,
        NO_ADJUVANT_FOR_NEUROPATHIC_PAIN
    }
}
