package org.painladder.api.patient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.domain.pain.PainControl;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.HepaticImpairment;
import org.painladder.domain.patient.LiveState;
import org.painladder.domain.patient.OrganFunctionBand;
import org.painladder.domain.patient.PainCondition;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.patient.PatientFactors;
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
        PatientRequest.RenalFunctionBody renalFunction,
        HepaticImpairment hepaticImpairment,
        Boolean frail,
        Double weightKg,
        Boolean unableToSwallow,
        @Schema(description = "The clinical-rules §8.2 bands the factors and the age give, e.g. RENAL_SEVERE")
        Set<OrganFunctionBand> organFunctionBands,
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

    /** @param currentYear the year ages are counted in, from the service's clock */
    public static PatientResponse of(Patient patient, int currentYear) {
        PatientProfile profile = patient.profile();
        PatientFactors factors = profile.factors();
        PatientRequest asRequest = PatientRequest.of(profile);
        LiveState state = patient.state();
        return new PatientResponse(patient.id(), profile.mrn(), profile.birthYear(), asRequest.sex(),
                asRequest.diagnosis(), profile.lifeExpectancyMonths(), new TreeSet<>(profile.contraindications()),
                new TreeSet<>(profile.painConditions()), profile.status(), asRequest.renalFunction(),
                factors.hepaticImpairment(), factors.frail(), factors.weightKg(), factors.unableToSwallow(),
                new TreeSet<>(factors.bands(profile.birthYear(), currentYear)), state.ladderStep(), state.ladderSince(),
                state.latestScore(), state.latestAssessedAt(), state.painControl(), state.omeddMg(), state.refractory(),
                state.openRefractoryCaseId(), patient.createdAt(), patient.updatedAt(), patient.version());
    }

    /** Sex is spelled as FHIR's AdministrativeGender codes, lower case. */
    static String sexCode(Sex sex) {
        return sex == null ? null : sex.name().toLowerCase(Locale.ROOT);
    }
}
