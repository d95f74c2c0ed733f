package org.painladder.api.patient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.painladder.domain.pain.PainControl;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.LiveState;
import org.painladder.domain.patient.PainCondition;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.patient.PatientProfile;
import org.painladder.domain.patient.PatientStatus;
import org.painladder.domain.patient.Sex;

/** The patient with its live state (api.md "Patients"). */
public record PatientResponse(
        UUID id,
        String mrn,
        Integer birthYear,
        String sex,
        PatientRequest.DiagnosisBody diagnosis,
        Integer lifeExpectancyMonths,
        Set<Contraindication> contraindications,
        Set<PainCondition> painConditions,
        PatientStatus status,
        int ladderStep,
        Instant ladderSince,
        Integer latestScore,
        Instant latestAssessedAt,
        PainControl painControl,
        BigDecimal omeddMg,
        boolean refractory,
        UUID openRefractoryCaseId,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static PatientResponse of(Patient patient) {
        PatientProfile profile = patient.profile();
        PatientRequest asRequest = PatientRequest.of(profile);
        LiveState state = patient.state();
        return new PatientResponse(patient.id(), profile.mrn(), profile.birthYear(), asRequest.sex(),
                asRequest.diagnosis(), profile.lifeExpectancyMonths(), new TreeSet<>(profile.contraindications()),
                new TreeSet<>(profile.painConditions()), profile.status(), state.ladderStep(), state.ladderSince(),
                state.latestScore(), state.latestAssessedAt(), state.painControl(), state.omeddMg(), state.refractory(),
                state.openRefractoryCaseId(), patient.createdAt(), patient.updatedAt(), patient.version());
    }

    /** Sex is spelled as FHIR's AdministrativeGender codes, lower case. */
    static String sexCode(Sex sex) {
        return sex == null ? null : sex.name().toLowerCase(Locale.ROOT);
    }
}
