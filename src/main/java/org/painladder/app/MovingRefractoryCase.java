package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.refractory.CaseOutcome;
import org.painladder.domain.refractory.CaseStatus;
import org.painladder.domain.refractory.RefractoryCase;
import org.painladder.domain.refractory.RefractoryCase.TransitionResult;
import org.painladder.persistence.Patients;
import org.painladder.persistence.RefractoryCases;

/**
 * The palliative team moves a case along its worklist: forward only, closing from any open status with an outcome.
 * Closing clears the patient's refractory flag in the same transaction.
 */
@ApplicationScoped
public class MovingRefractoryCase {

    /** What the team asked for; {@code assignee} null keeps the current owner. */
    public record Move(CaseStatus to, CaseOutcome outcome, String by, String assignee, String note) {
    }

    private final RefractoryCases cases;
    private final Patients patients;
    private final Clock clock;

    MovingRefractoryCase(RefractoryCases cases, Patients patients, Clock clock) {
        this.cases = cases;
        this.patients = patients;
        this.clock = clock;
    }

    /** @param expectedVersion the versions named by If-Match, or the one the dashboard page showed */
    @Transactional
    public RefractoryCase move(UUID caseId, ExpectedVersion expectedVersion, Move move) {
        UUID patientId = cases.patientOf(caseId).orElseThrow(() -> new NotFoundException("refractory case", caseId));
        // Patient first, then case: the same lock order as the evaluation of a new fact, so the two cannot deadlock.
        // The case is read only under its lock, so that moves sent at once each see the one before them.
        Patient patient = patients.findForUpdate(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
        RefractoryCase current = cases.findForUpdate(caseId).orElseThrow(() -> new NotFoundException("refractory case",
                caseId));
        expectedVersion.check(current.version());
        Instant now = clock.instant();
        TransitionResult result = current.moveTo(move.to(), move.outcome(), move.by(), move.assignee(), move.note(), now);
        if (result instanceof TransitionResult.Invalid invalid) {
            throw new ClinicalValidationException(invalid.field(), invalid.message());
        }
        if (result instanceof TransitionResult.Forbidden forbidden) {
            throw new ConflictException(forbidden.detail());
        }
        return stored(patient, (TransitionResult.Moved) result, now);
    }

    /**
     * The patient died: the open case closes with outcome DECEASED in the same transaction, from whatever open status,
     * in the name of whoever reported the death.
     *
     * @param patient the patient, locked by the caller, with the status DECEASED
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RefractoryCase closeOnDeath(Patient patient, UUID caseId, String reportedBy, Instant now) {
        RefractoryCase current = cases.findForUpdate(caseId).orElseThrow(() -> new NotFoundException("refractory case",
                caseId));
        TransitionResult result = current.moveTo(CaseStatus.CLOSED, CaseOutcome.DECEASED, reportedBy, null,
                "Closed as the patient's status became DECEASED", now);
        if (!(result instanceof TransitionResult.Moved moved)) {
            throw new IllegalStateException("an open case always closes, got " + result);
        }
        return stored(patient, moved, now);
    }

    private RefractoryCase stored(Patient patient, TransitionResult.Moved moved, Instant now) {
        RefractoryCase stored = cases.moved(moved.after(), moved.entry(), now);
        if (!stored.status().isOpen() && stored.id().equals(patient.state().openRefractoryCaseId())) {
            patients.saveState(patient.id(), patient.state().withRefractoryCase(null), now);
        }
        return stored;
    }
}
