package org.painladder.domain.refractory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.painladder.domain.pain.PainControl;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.PrimarySite;

/**
 * A patient flagged by REF-01, on the palliative team's worklist. The figures the worklist sorts on (latest score,
 * OMEDD, step-3 entry) are kept on the case so the list is served from its own columns.
 *
 * @param site            the site of the latest background assessment when the case was flagged
 * @param step3Since      when the ladder reached step 3, for daysOnStep3
 * @param controlledSince since when pain has been CONTROLLED without interruption, or null (for REF-02)
 * @param version         moves on with every status change, for If-Match
 */
public record RefractoryCase(
        UUID id,
        UUID patientId,
        String mrn,
        PainSite site,
        PrimarySite primarySite,
        Instant flaggedAt,
        CaseStatus status,
        CaseOutcome outcome,
        List<Criterion> criteria,
        List<CandidateIntervention> candidateInterventions,
        Integer latestScore,
        BigDecimal omeddMg,
        Instant step3Since,
        String assignee,
        Instant controlledSince,
        long version) {

    public RefractoryCase {
        criteria = List.copyOf(criteria);
        candidateInterventions = List.copyOf(candidateInterventions);
    }

    /** The result of asking for a status change: a refusal is a value, not an exception. */
    public sealed interface TransitionResult {
        record Moved(RefractoryCase after, CaseTransition entry) implements TransitionResult {
        }

        /** The move goes backward, stays put or leaves CLOSED (a conflict with the stored state). */
        record Forbidden(String detail) implements TransitionResult {
        }

        /** The request itself is incomplete or contradictory, e.g. CLOSED without an outcome. */
        record Invalid(String field, String message) implements TransitionResult {
        }
    }

    public Integer daysOnStep3(Instant now) {
        return step3Since == null ? null : (int) Duration.between(step3Since, now).toDays();
    }

    /** @param assignee the new owner, or null to keep the current one */
    public TransitionResult moveTo(CaseStatus to, CaseOutcome closingOutcome, String by, String assignee, String note,
                                   Instant at) {
        if (to == CaseStatus.CLOSED && closingOutcome == null) {
            return new TransitionResult.Invalid("outcome", "is required to close a case: INTERVENTION_DONE,"
                    + " NOT_A_CANDIDATE, PAIN_CONTROLLED or DECEASED");
        }
        if (to != CaseStatus.CLOSED && closingOutcome != null) {
            return new TransitionResult.Invalid("outcome", "applies only when the case moves to CLOSED");
        }
        if (!status.canMoveTo(to)) {
            return new TransitionResult.Forbidden(status == CaseStatus.CLOSED
                    ? "The case is CLOSED; a new case opens if the patient is flagged again"
                    : "The case is " + status + "; it can move only forward, one step at a time along OPEN →"
                    + " UNDER_REVIEW → REFERRED, or to CLOSED from any open status, not to " + to);
        }
        String owner = assignee == null ? this.assignee : assignee;
        RefractoryCase after = new RefractoryCase(id, patientId, mrn, site, primarySite, flaggedAt, to, closingOutcome,
                criteria, candidateInterventions, latestScore, omeddMg, step3Since, owner, controlledSince, version + 1);
        return new TransitionResult.Moved(after, new CaseTransition(status, to, at, by, owner, note, closingOutcome));
    }

    /** The case with the patient's current figures and control streak ({@link #controlledStreak}). */
    public RefractoryCase withFigures(Integer currentScore, BigDecimal currentOmeddMg, PainControl control,
                                      Instant latestBackgroundAt) {
        return new RefractoryCase(id, patientId, mrn, site, primarySite, flaggedAt, status, outcome, criteria,
                candidateInterventions, currentScore, currentOmeddMg, step3Since, assignee,
                controlledStreak(controlledSince, control, latestBackgroundAt), version);
    }

    /**
     * Since when pain has been controlled after a new fact: the streak starts at the first CONTROLLED background score
     * and breaks at an UNCONTROLLED one; UNKNOWN (no recent score) neither starts nor breaks it.
     *
     * @param controlledSince the streak before the fact, or null
     */
    public static Instant controlledStreak(Instant controlledSince, PainControl control, Instant latestBackgroundAt) {
        return switch (control) {
            case CONTROLLED -> controlledSince != null ? controlledSince : latestBackgroundAt;
            case UNCONTROLLED -> null;
            case UNKNOWN -> controlledSince;
        };
    }
}
