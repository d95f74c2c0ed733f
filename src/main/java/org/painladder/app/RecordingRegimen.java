package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.painladder.app.ClinicalValidationException.Violation;
import org.painladder.domain.ladder.RegimenFacts;
import org.painladder.domain.patient.LiveState;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.domain.regimen.Regimen;
import org.painladder.domain.regimen.RegimenEvaluation;
import org.painladder.domain.regimen.Validated;
import org.painladder.persistence.Patients;
import org.painladder.persistence.Regimens;

/**
 * A new regimen replaces the current one. In one transaction: lock the patient's live state, check the regimen
 * against the formulary, evaluate it (step, OMEDD, warnings for this patient's organ function and weight, opioid
 * tolerance from the week before), store it as the
 * next version, move the live state's step (with a ladder transition when it changes) and OMEDD on, and let the
 * ladder rules give their advice on the new regimen. An identical resend (same items, prescriber, sender and reason,
 * and no other effectiveAt) is an EHR retry and answers the current version without storing another.
 */
@ApplicationScoped
public class RecordingRegimen {

    /** The outcome and whether a new version was stored. */
    public record Outcome(RecordedRegimen recorded, boolean created) {
    }

    private final Patients patients;
    private final Regimens regimens;
    private final Formulary formulary;
    private final Clock clock;
    private final CurrentRegimenFacts regimenFacts;
    private final LadderEvaluation ladderEvaluation;
    private final EvaluatingRegimen evaluatingRegimen;
    private final PostoperativeLines postoperativeLines;

    RecordingRegimen(Patients patients, Regimens regimens, Formulary formulary, Clock clock,
                     CurrentRegimenFacts regimenFacts, LadderEvaluation ladderEvaluation,
                     EvaluatingRegimen evaluatingRegimen, PostoperativeLines postoperativeLines) {
        this.postoperativeLines = postoperativeLines;
        this.patients = patients;
        this.regimens = regimens;
        this.formulary = formulary;
        this.clock = clock;
        this.regimenFacts = regimenFacts;
        this.ladderEvaluation = ladderEvaluation;
        this.evaluatingRegimen = evaluatingRegimen;
    }

    /** @param expectedVersion the regimen versions named by If-Match ("0" for "none yet") */
    @Transactional
    public Outcome record(UUID patientId, ExpectedVersion expectedVersion, NewRegimen incoming) {
        Patient patient = patients.findForUpdate(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
        // Read the clock only once the lock is held, so "now" never runs behind a regimen committed meanwhile.
        Instant now = clock.instant();
        Optional<RecordedRegimen> current = regimens.current(patientId);
        int currentVersion = current.map(RecordedRegimen::version).orElse(0);
        expectedVersion.check(currentVersion, current.isPresent());
        Regimen regimen = checked(incoming, patient.profile().birthYear(), now);
        Instant effectiveAt = incoming.effectiveAt() == null ? now : incoming.effectiveAt();
        if (current.isPresent()) {
            RecordedRegimen previous = current.get();
            if (isRetryOf(previous, regimen, incoming)) {
                return new Outcome(previous, false);
            }
            if (effectiveAt.isBefore(previous.effectiveAt())) {
                throw new ConflictException("effectiveAt " + effectiveAt + " is before the current regimen's ("
                        + previous.effectiveAt() + ", version " + previous.version() + "); backfill regimens in"
                        + " the order they took effect");
            }
        }
        RegimenEvaluation evaluation = postoperativeLines.withContextWarnings(patientId, current, regimen,
                evaluatingRegimen.evaluate(patient, regimen, effectiveAt), now);
        RegimenFacts before = regimenFacts.of(patientId, now);
        RecordedRegimen recorded = regimens.insert(new RecordedRegimen(UUID.randomUUID(), patientId,
                currentVersion + 1, effectiveAt, now, incoming.changedBy(), incoming.recordedBy(), incoming.reason(),
                regimen, evaluation));
        RegimenFacts after = regimenFacts.of(patientId, now);
        // The ladder moves to the regimen's step (with its transition); then the rules look at the new regimen.
        LiveState stepped = ladderEvaluation.stepForRegimen(patient, patient.state(), after, incoming.changedBy(),
                incoming.recordedBy(), now);
        LiveState saved = stepped.afterRegimen(stepped.ladderStep(), evaluation.omedd().scheduledMg(), effectiveAt);
        patients.saveState(patientId, saved, now);
        ladderEvaluation.afterRegimenChange(patient, saved, before, after, now);
        return new Outcome(recorded, true);
    }

    private Regimen checked(NewRegimen incoming, Integer birthYear, Instant now) {
        if (incoming.items() == null) {
            throw new ClinicalValidationException("items", "is required; send [] to record that all analgesics"
                    + " were stopped");
        }
        Validated<Regimen> regimen = Regimen.check(incoming.items(), formulary);
        List<Violation> violations = new ArrayList<>();
        if (regimen instanceof Validated.Invalid<Regimen> invalid) {
            invalid.violations().forEach(v -> violations.add(new Violation(v.field(), v.message())));
        }
        if (incoming.effectiveAt() != null) {
            RecordingPainAssessment.refuseImplausible("effectiveAt", incoming.effectiveAt(), birthYear, now,
                    violations);
        }
        if (!violations.isEmpty()) {
            throw new ClinicalValidationException(violations);
        }
        return ((Validated.Valid<Regimen>) regimen).value();
    }

    private static boolean isRetryOf(RecordedRegimen previous, Regimen regimen, NewRegimen incoming) {
        return previous.regimen().equals(regimen)
                && Objects.equals(previous.changedBy(), incoming.changedBy())
                // A version stored before the sender was kept names no one: the prescriber alone then decides.
                && (previous.recordedBy() == null || previous.recordedBy().equals(incoming.recordedBy()))
                && Objects.equals(previous.reason(), incoming.reason())
                && (incoming.effectiveAt() == null || incoming.effectiveAt().equals(previous.effectiveAt()));
    }
}
