package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.util.Set;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.Dialysis;
import org.painladder.domain.patient.OrganFunctionBand;
import org.painladder.domain.patient.PatientFactors;
import org.painladder.domain.patient.RenalFunction;

/**
 * The patient as the regimen warnings need them (clinical-rules §8.2): the factors, the age they were banded at, the
 * bands that follow, and the contraindications on record (an anticoagulant bars NSAIDs as the ladder's proposals do).
 *
 * @param ageYears the age by birth year in the year of the evaluation, or null when the birth year is unknown
 */
public record PatientOrganFunction(PatientFactors factors, Integer ageYears, Set<OrganFunctionBand> bands,
                                   Set<Contraindication> contraindications) {

    private static final PatientOrganFunction UNKNOWN = new PatientOrganFunction(PatientFactors.none(), null, Set.of(),
            Set.of());

    public PatientOrganFunction {
        factors = factors == null ? PatientFactors.none() : factors;
        bands = bands == null ? Set.of() : Set.copyOf(bands);
        contraindications = contraindications == null ? Set.of() : Set.copyOf(contraindications);
    }

    /** The factors banded in {@code currentYear} (the year of the evaluation's clock), no contraindication known. */
    public static PatientOrganFunction of(PatientFactors factors, Integer birthYear, int currentYear) {
        return of(factors, birthYear, currentYear, Set.of());
    }

    public static PatientOrganFunction of(PatientFactors factors, Integer birthYear, int currentYear,
                                          Set<Contraindication> contraindications) {
        PatientFactors known = factors == null ? PatientFactors.none() : factors;
        return new PatientOrganFunction(known, birthYear == null ? null : currentYear - birthYear,
                known.bands(birthYear, currentYear), contraindications);
    }

    /** Nothing known: no band, so no organ-function warning. */
    public static PatientOrganFunction unknown() {
        return UNKNOWN;
    }

    /** What put the patient in the band, as the clinician would say it: "eGFR 12", "haemodialysis", "Child-Pugh C". */
    public String basis(OrganFunctionBand band) {
        return switch (band) {
            case RENAL_REDUCED, RENAL_SEVERE, RENAL_FAILURE -> renalBasis();
            case HEPATIC_MODERATE -> "Child-Pugh B";
            case HEPATIC_SEVERE -> "Child-Pugh C";
            case ELDERLY_OR_FRAIL -> factors.isFrail() ? (ageYears == null ? "frail" : "frail, age " + ageYears)
                    : "age " + ageYears;
        };
    }

    private String renalBasis() {
        RenalFunction renal = factors.renalFunction();
        String egfr = renal.egfr() == null ? null : "eGFR " + Amounts.plain(BigDecimal.valueOf(renal.egfr()));
        if (!renal.onDialysis()) {
            return egfr;
        }
        String dialysis = renal.dialysis() == Dialysis.HAEMODIALYSIS ? "haemodialysis" : "peritoneal dialysis";
        return egfr == null ? dialysis : egfr + ", " + dialysis;
    }
}
