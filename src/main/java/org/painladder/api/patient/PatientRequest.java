package org.painladder.api.patient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.domain.patient.ClinicalTimes;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.Diagnosis;
import org.painladder.domain.patient.Dialysis;
import org.painladder.domain.patient.HepaticImpairment;
import org.painladder.domain.patient.PainCondition;
import org.painladder.domain.patient.PatientFactors;
import org.painladder.domain.patient.PatientProfile;
import org.painladder.domain.patient.PatientStatus;
import org.painladder.domain.patient.PrimarySite;
import org.painladder.domain.patient.RenalFunction;
import org.painladder.domain.patient.Sex;

/** A patient as the EHR registers it, and the document a JSON merge patch is applied to. */
public record PatientRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:/-]+", message = "may hold letters, digits and . _ : / - only")
        String mrn,
        @Min(ClinicalTimes.EARLIEST_BIRTH_YEAR) Integer birthYear,
        @Pattern(regexp = "(?i)female|male|other|unknown", message = "must be one of female, male, other, unknown")
        @Schema(description = "female, male, other or unknown, in any letter case",
                enumeration = {"female", "male", "other", "unknown"}, pattern = "^(female|male|other|unknown)$")
        String sex,
        @Valid DiagnosisBody diagnosis,
        @Min(0) @Max(600) Integer lifeExpectancyMonths,
        Set<@NotNull Contraindication> contraindications,
        Set<@NotNull PainCondition> painConditions,
        PatientStatus status,
        @Valid RenalFunctionBody renalFunction,
        @Schema(description = "Child-Pugh: MILD = A, MODERATE = B, SEVERE = C") HepaticImpairment hepaticImpairment,
        @Schema(description = "Frail at any age; with age 75 or more from birthYear it gives ELDERLY_OR_FRAIL")
        Boolean frail,
        @DecimalMin("20") @DecimalMax("300") Double weightKg,
        Boolean unableToSwallow) {

    /** The latest renal function (clinical-rules §8.2): eGFR in mL/min/1.73 m², dialysis, when it was measured. */
    public record RenalFunctionBody(
            @DecimalMin("0") @DecimalMax("200") Double egfr,
            @Schema(description = "NONE when not given; any dialysis puts the patient in RENAL_FAILURE")
            Dialysis dialysis,
            Instant measuredAt) {
    }

    public record DiagnosisBody(
            @Pattern(regexp = "[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?", message = "must be an ICD-10 code such as C25.0")
            String icd10,
            PrimarySite primarySite,
            Boolean metastatic,
            Boolean boneMetastases) {
    }

    PatientProfile toProfile() {
        Diagnosis diagnosisValue = diagnosis == null ? null
                : new Diagnosis(diagnosis.icd10(), diagnosis.primarySite(), diagnosis.metastatic(), diagnosis.boneMetastases());
        return new PatientProfile(mrn, birthYear, sex == null ? null : Sex.valueOf(sex.toUpperCase(Locale.ROOT)),
                diagnosisValue, lifeExpectancyMonths, contraindications, painConditions, status,
                new PatientFactors(renalFunction == null ? null : new RenalFunction(renalFunction.egfr(),
                        renalFunction.dialysis(), renalFunction.measuredAt()), hepaticImpairment, frail, weightKg,
                        unableToSwallow));
    }

    static PatientRequest of(PatientProfile profile) {
        Diagnosis d = profile.diagnosis();
        return new PatientRequest(profile.mrn(), profile.birthYear(), PatientResponse.sexCode(profile.sex()),
                d == null ? null : new DiagnosisBody(d.icd10(), d.primarySite(), d.metastatic(), d.boneMetastases()),
                profile.lifeExpectancyMonths(), profile.contraindications(), profile.painConditions(), profile.status(),
                renalBody(profile.factors().renalFunction()), profile.factors().hepaticImpairment(),
                profile.factors().frail(), profile.factors().weightKg(), profile.factors().unableToSwallow());
    }

    static RenalFunctionBody renalBody(RenalFunction renal) {
        return renal == null ? null : new RenalFunctionBody(renal.egfr(), renal.dialysis(), renal.measuredAt());
    }
}
