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
        TransitionResult.Moved moved = (TransitionResult.Moved) result;
        RefractoryCase stored = cases.moved(moved.after(), moved.entry(), now);
        if (!stored.status().isOpen() && caseId.equals(patient.state().openRefractoryCaseId())) {
            patients.saveState(patientId, patient.state().withRefractoryCase(null), now);
        }
        return stored;
    }
}
