package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.painladder.domain.patient.Diagnosis;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.patient.PatientProfile;
import org.painladder.domain.refractory.CaseStatus;
import org.painladder.domain.refractory.CaseTransition;
import org.painladder.domain.refractory.InterventionAdvisor;
import org.painladder.domain.refractory.InterventionContext;
import org.painladder.domain.refractory.RefractoryCase;
import org.painladder.domain.refractory.RefractoryFacts;
import org.painladder.domain.refractory.RefractoryPolicy;
import org.painladder.domain.refractory.RefractoryVerdict;
import org.painladder.persistence.DuplicateOpenCaseException;
import org.painladder.persistence.Patients;
import org.painladder.persistence.RefractoryCases;

/**
 * REF-01 fired: put the patient on the palliative team's worklist with the criteria that held and the advisor's
 * candidate interventions, and mark the live state refractory. Runs inside the caller's transaction (the
 * evaluation of a new fact) and is idempotent: a patient with a case that is not CLOSED keeps that case.
 */
@ApplicationScoped
public class OpeningRefractoryCase {

    /** Who the opening entry of a case's history names: the rule, not a person. */
    static final String OPENED_BY = "painladder " + RefractoryVerdict.RULE_ID;

    /** @param opened false when the patient already had an open case, which is returned unchanged */
    public record Opening(RefractoryCase refractoryCase, boolean opened) {
    }

    private final Patients patients;
    private final RefractoryCases cases;
    private final InterventionAdvisor advisor;
    private final Clock clock;

    OpeningRefractoryCase(Patients patients, RefractoryCases cases, RefractoryPolicy policy, Clock clock) {
        this.patients = patients;
        this.cases = cases;
        this.advisor = new InterventionAdvisor(policy);
        this.clock = clock;
    }

    /**
     * Call after the caller has saved the patient's new live state: the refractory flag is set on top of it.
     *
     * @param facts the facts the verdict was reached on (site, mechanism, OMEDD and step-3 entry go on the case)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Opening open(UUID patientId, RefractoryFacts facts, RefractoryVerdict.Refractory verdict) {
        Patient patient = patients.findForUpdate(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
        var existing = cases.findOpen(patientId);
        if (existing.isPresent()) {
            return new Opening(existing.get(), false);
        }
        Instant now = clock.instant();
        PatientProfile profile = patient.profile();
        Diagnosis diagnosis = profile.diagnosis();
        InterventionContext context = new InterventionContext(facts.latestSite(), facts.latestMechanism(),
                diagnosis == null ? null : diagnosis.primarySite(), diagnosis != null && diagnosis.hasBoneMetastases(),
                profile.lifeExpectancyMonths(), profile.contraindications());
        RefractoryCase opened = new RefractoryCase(UUID.randomUUID(), patientId, profile.mrn(), facts.latestSite(),
                context.primarySite(), now, CaseStatus.OPEN, null, verdict.criteria(), advisor.advise(context),
                patient.state().latestScore(), facts.omeddMg(), facts.step3Since(), null, null, 0);
        String note = verdict.criteria().size() + " REF-01 criteria held: " + verdict.criteria().stream()
                .map(c -> c.code().name()).toList();
        RefractoryCase stored;
        try {
            stored = cases.insert(opened, new CaseTransition(null, CaseStatus.OPEN, now, OPENED_BY, null, note, null),
                    now);
        } catch (DuplicateOpenCaseException raced) {
            throw new ConflictException(raced.getMessage());
        }
        patients.saveState(patientId, patient.state().withRefractoryCase(stored.id()), now);
        return new Opening(stored, true);
    }
}
