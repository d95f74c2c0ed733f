package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.painladder.app.ClinicalValidationException.Violation;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.procedure.Procedure;
import org.painladder.domain.procedure.ProcedureClosing;
import org.painladder.domain.refractory.ClosingSuggestion;
import org.painladder.domain.refractory.InterventionType;
import org.painladder.domain.refractory.RefractoryCase;
import org.painladder.persistence.Page;
import org.painladder.persistence.Patients;
import org.painladder.persistence.Procedures;
import org.painladder.persistence.RefractoryCases;

/**
 * Records an intervention done (clinical-rules §8.10) and reads the patient's procedures. Recording never moves a
 * refractory case: the answer carries the suggestion to close it (REF-03) for the team to act on.
 */
@ApplicationScoped
public class RecordingProcedure {

    /** The stored procedure, and the open case it bears on with the suggestion to close it, if any. */
    public record Outcome(Procedure procedure, UUID openRefractoryCaseId, ClosingSuggestion closingSuggestion) {
    }

    private final Patients patients;
    private final Procedures procedures;
    private final RefractoryCases cases;
    private final Clock clock;

    RecordingProcedure(Patients patients, Procedures procedures, RefractoryCases cases, Clock clock) {
        this.patients = patients;
        this.procedures = procedures;
        this.cases = cases;
        this.clock = clock;
    }

    @Transactional
    public Outcome record(UUID patientId, NewProcedure incoming, String caller) {
        Patient patient = patients.findForUpdate(patientId)
                .orElseThrow(() -> new NotFoundException("patient", patientId));
        Instant now = clock.instant();
        InterventionType type = validated(incoming, patient.profile().birthYear(), now);
        Procedure procedure = procedures.insert(new Procedure(UUID.randomUUID(), patientId, type,
                incoming.performedAt(), incoming.outcome(), incoming.performedBy(), now, caller));
        Optional<RefractoryCase> open = cases.findOpen(patientId);
        Optional<ClosingSuggestion> suggestion = open.flatMap(found -> ProcedureClosing.suggest(found,
                List.of(procedure)));
        return new Outcome(procedure, open.map(RefractoryCase::id).orElse(null), suggestion.orElse(null));
    }

    @Transactional
    public Page<Procedure> list(UUID patientId, int page, int size) {
        patients.find(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
        return procedures.list(patientId, page, size);
    }

    @Transactional
    public Procedure find(UUID patientId, UUID procedureId) {
        patients.find(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
        return procedures.find(patientId, procedureId)
                .orElseThrow(() -> new NotFoundException("procedure", procedureId));
    }

    private static InterventionType validated(NewProcedure incoming, Integer birthYear, Instant now) {
        List<Violation> violations = new ArrayList<>();
        InterventionType type = null;
        if (incoming.type() == null) {
            violations.add(new Violation("type", "is required; one of " + Arrays.toString(InterventionType.values())));
        } else {
            type = Arrays.stream(InterventionType.values())
                    .filter(known -> known.name().equalsIgnoreCase(incoming.type())).findFirst().orElse(null);
            if (type == null) {
                violations.add(new Violation("type", "unknown intervention " + incoming.type() + "; one of "
                        + Arrays.toString(InterventionType.values())));
            }
        }
        if (incoming.performedAt() == null) {
            violations.add(new Violation("performedAt", "is required"));
        } else {
            RecordingPainAssessment.refuseImplausible("performedAt", incoming.performedAt(), birthYear, now,
                    violations);
        }
        if (!violations.isEmpty()) {
            throw new ClinicalValidationException(violations);
        }
        return type;
    }
}
