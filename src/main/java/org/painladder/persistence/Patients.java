package org.painladder.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.painladder.domain.pain.PainControl;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.Diagnosis;
import org.painladder.domain.patient.Dialysis;
import org.painladder.domain.patient.HepaticImpairment;
import org.painladder.domain.patient.LiveState;
import org.painladder.domain.patient.PainCondition;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.patient.PatientFactors;
import org.painladder.domain.patient.PatientProfile;
import org.painladder.domain.patient.PatientStatus;
import org.painladder.domain.patient.PrimarySite;
import org.painladder.domain.patient.RenalFunction;
import org.painladder.domain.patient.Sex;

/** The patient register and each patient's live-state row. */
@ApplicationScoped
public class Patients {

    private final EntityManager entityManager;

    Patients(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @throws DuplicateMrnException when the database's unique constraint refuses the MRN */
    public Patient insert(UUID id, PatientProfile profile, Instant now) {
        PatientEntity patient = new PatientEntity();
        patient.id = id;
        patient.createdAt = asStored(now);
        patient.statusSince = patient.createdAt;
        copyProfile(profile, patient, now);
        PatientStateEntity state = new PatientStateEntity();
        state.patientId = id;
        state.patient = patient;
        copyState(LiveState.initial(), profile.status(), state, now);
        try {
            entityManager.persist(patient);
            entityManager.flush();
        } catch (PersistenceException failure) {
            if (ConstraintViolations.isViolationOf(failure, "uq_patient_mrn")) {
                throw new DuplicateMrnException(failure);
            }
            throw failure;
        }
        entityManager.persist(state);
        return toPatient(patient, state);
    }

    public Optional<Patient> find(UUID id) {
        return Optional.ofNullable(entityManager.find(PatientStateEntity.class, id)).map(Patients::toPatient);
    }

    /**
     * Loads the patient and locks its live-state row until the transaction ends, so that facts about one patient
     * are applied one after the other and the live state always reflects all of them. Call it before anything else
     * in the transaction reads the patient: Hibernate answers a row it already holds as it was first read.
     */
    public Optional<Patient> findForUpdate(UUID id) {
        return Optional.ofNullable(entityManager.find(PatientStateEntity.class, id, LockModeType.PESSIMISTIC_WRITE))
                .map(Patients::toPatient);
    }

    /** Patients newest first, all of them or the one registered under {@code mrn} (an empty page when unknown). */
    public Page<Patient> list(String mrn, int page, int size) {
        String where = mrn == null ? "" : " where p.mrn = :mrn";
        var count = entityManager.createQuery("select count(p) from PatientEntity p" + where, Long.class);
        var query = entityManager.createQuery("select s from PatientStateEntity s join fetch s.patient p"
                + where + " order by p.createdAt desc, p.id", PatientStateEntity.class);
        if (mrn != null) {
            count.setParameter("mrn", mrn);
            query.setParameter("mrn", mrn);
        }
        List<Patient> items = query.setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(Patients::toPatient)
                .toList();
        return Page.of(items, page, size, count::getSingleResult);
    }

    /** Replaces the profile; the version moves on and the caller's expected version was checked before. */
    public Patient updateProfile(UUID id, PatientProfile profile, Instant now) {
        PatientEntity patient = entityManager.find(PatientEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        PatientStateEntity state = entityManager.find(PatientStateEntity.class, id);
        if (!profile.status().name().equals(patient.status)) {
            patient.statusSince = now;
        }
        copyProfile(profile, patient, now);
        state.patientStatus = profile.status().name();
        state.updatedAt = now;
        entityManager.flush();
        return toPatient(patient, state);
    }

    public void saveState(UUID id, LiveState liveState, Instant now) {
        PatientStateEntity state = entityManager.find(PatientStateEntity.class, id);
        copyState(liveState, PatientStatus.valueOf(state.patientStatus), state, now);
    }

    private static void copyProfile(PatientProfile profile, PatientEntity patient, Instant now) {
        patient.mrn = profile.mrn();
        patient.birthYear = profile.birthYear();
        patient.sex = profile.sex() == null ? null : profile.sex().name();
        Diagnosis diagnosis = profile.diagnosis();
        patient.icd10 = diagnosis == null ? null : diagnosis.icd10();
        patient.primarySite = diagnosis == null || diagnosis.primarySite() == null ? null : diagnosis.primarySite().name();
        patient.metastatic = diagnosis == null ? null : diagnosis.metastatic();
        patient.boneMetastases = diagnosis == null ? null : diagnosis.boneMetastases();
        patient.lifeExpectancyMonths = profile.lifeExpectancyMonths();
        patient.contraindications = EnumSets.join(profile.contraindications());
        patient.painConditions = EnumSets.join(profile.painConditions());
        patient.status = profile.status().name();
        PatientFactors factors = profile.factors();
        RenalFunction renal = factors.renalFunction();
        patient.renalEgfr = renal == null ? null : renal.egfr();
        patient.renalDialysis = renal == null ? null : renal.dialysis().name();
        patient.renalMeasuredAt = renal == null ? null : renal.measuredAt();
        patient.hepaticImpairment = factors.hepaticImpairment() == null ? null : factors.hepaticImpairment().name();
        patient.frail = factors.frail();
        patient.weightKg = factors.weightKg();
        patient.unableToSwallow = factors.unableToSwallow();
        patient.updatedAt = asStored(now);
    }

    /**
     * In microseconds, as the column keeps it: the patient answered right after a write is the one every later read
     * answers, its ETag included.
     */
    private static Instant asStored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static PatientFactors factors(PatientEntity patient) {
        RenalFunction renal = patient.renalDialysis == null ? null : new RenalFunction(patient.renalEgfr,
                Dialysis.valueOf(patient.renalDialysis), patient.renalMeasuredAt);
        return new PatientFactors(renal,
                patient.hepaticImpairment == null ? null : HepaticImpairment.valueOf(patient.hepaticImpairment),
                patient.frail, patient.weightKg, patient.unableToSwallow);
    }

    private static void copyState(LiveState live, PatientStatus status, PatientStateEntity state, Instant now) {
        state.ladderStep = live.ladderStep();
        state.ladderSince = live.ladderSince();
        state.latestScore = live.latestScore();
        state.latestAssessedAt = live.latestAssessedAt();
        state.latestBtpEpisodes24h = live.latestBreakthroughEpisodes24h();
        state.latestBackgroundScore = live.latestBackgroundScore();
        state.latestBackgroundAt = live.latestBackgroundAt();
        state.painControl = live.painControl().name();
        state.omeddMg = live.omeddMg();
        state.refractory = live.refractory();
        state.openRefractoryCaseId = live.openRefractoryCaseId();
        state.patientStatus = status.name();
        state.updatedAt = now;
    }

    static Patient toPatient(PatientStateEntity state) {
        return toPatient(state.patient, state);
    }

    static Patient toPatient(PatientEntity patient, PatientStateEntity state) {
        Diagnosis diagnosis = new Diagnosis(patient.icd10,
                patient.primarySite == null ? null : PrimarySite.valueOf(patient.primarySite),
                patient.metastatic, patient.boneMetastases);
        PatientProfile profile = new PatientProfile(patient.mrn, patient.birthYear,
                patient.sex == null ? null : Sex.valueOf(patient.sex), diagnosis, patient.lifeExpectancyMonths,
                EnumSets.split(patient.contraindications, Contraindication.class),
                EnumSets.split(patient.painConditions, PainCondition.class),
                PatientStatus.valueOf(patient.status), factors(patient));
        LiveState live = new LiveState(state.ladderStep, state.ladderSince, state.latestScore, state.latestAssessedAt,
                state.latestBtpEpisodes24h, state.latestBackgroundScore, state.latestBackgroundAt,
                PainControl.valueOf(state.painControl), state.omeddMg, state.refractory, state.openRefractoryCaseId);
        return new Patient(patient.id, profile, live, patient.createdAt, patient.updatedAt, patient.statusSince,
                patient.version);
    }
}
