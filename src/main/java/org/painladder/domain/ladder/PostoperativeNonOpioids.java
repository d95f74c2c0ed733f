package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.OrganFunctionBand;
import org.painladder.domain.patient.PatientFactors;

/**
 * The multimodal non-opioids of a postoperative proposal, checked against the patient's organ function (clinical-rules
 * §8.2's rows for paracetamol and NSAIDs). The seam {@link NonOpioidCheck} lets the full ORG table stand in for these
 * rows; {@link #SECTION_8_2} is the default.
 */
final class PostoperativeNonOpioids {

    /** What the check decided for one drug: give it (at most {@code maxDailyDoseMg}) or not, and why. */
    record Choice(String drug, boolean give, BigDecimal maxDailyDoseMg, String reason) {
    }

    /** Decides paracetamol and NSAID for a patient; replaceable by the ORG table. */
    @FunctionalInterface
    interface NonOpioidCheck {
        List<Choice> check(Set<OrganFunctionBand> bands, PatientFactors factors,
                           Set<Contraindication> contraindications);
    }

    private static final BigDecimal PARACETAMOL_MAX_MG = new BigDecimal("4000");
    private static final BigDecimal PARACETAMOL_MODERATE_HEPATIC_MG = new BigDecimal("3000");
    private static final BigDecimal PARACETAMOL_SEVERE_HEPATIC_MG = new BigDecimal("2000");
    private static final BigDecimal PARACETAMOL_MG_PER_KG = new BigDecimal("60");
    private static final double LOW_WEIGHT_KG = 50;
    private static final BigDecimal IBUPROFEN_MG = new BigDecimal("1200");

    /** §8.2: paracetamol ≤ 3 g (hepatic MODERATE), ≤ 2 g (SEVERE), 60 mg/kg under 50 kg; NSAIDs avoided. */
    static final NonOpioidCheck SECTION_8_2 = (bands, factors, contraindications) -> {
        List<Choice> choices = new ArrayList<>();
        BigDecimal paracetamol = PARACETAMOL_MAX_MG;
        String paracetamolReason = "regular paracetamol 1 g × 4";
        if (bands.contains(OrganFunctionBand.HEPATIC_SEVERE)) {
            paracetamol = PARACETAMOL_SEVERE_HEPATIC_MG;
            paracetamolReason = "at most 2 g/d: hepatic impairment SEVERE (§8.2)";
        } else if (bands.contains(OrganFunctionBand.HEPATIC_MODERATE)) {
            paracetamol = PARACETAMOL_MODERATE_HEPATIC_MG;
            paracetamolReason = "at most 3 g/d: hepatic impairment MODERATE (§8.2)";
        }
        if (factors.weightKg() != null && factors.weightKg() < LOW_WEIGHT_KG) {
            BigDecimal byWeight = PARACETAMOL_MG_PER_KG.multiply(BigDecimal.valueOf(factors.weightKg()))
                    .setScale(0, java.math.RoundingMode.FLOOR);
            if (byWeight.compareTo(paracetamol) < 0) {
                paracetamol = byWeight;
                paracetamolReason = "at most " + byWeight.toPlainString() + " mg/d: 60 mg/kg/d under 50 kg (§8.2)";
            }
        }
        choices.add(new Choice("PARACETAMOL", true, paracetamol, paracetamolReason));
        String avoidNsaid = bands.stream().filter(band -> band.isRenalSevereOrWorse()
                        || band.isHepaticModerateOrWorse() || band == OrganFunctionBand.ELDERLY_OR_FRAIL)
                .map(Enum::name).sorted().reduce((a, b) -> a + ", " + b).orElse(null);
        boolean anticoagulated = contraindications.contains(Contraindication.ANTICOAGULATED)
                || contraindications.contains(Contraindication.COAGULOPATHY);
        if (avoidNsaid != null) {
            choices.add(new Choice("IBUPROFEN", false, null, "no NSAID: " + avoidNsaid + " (§8.2 ORG table)"));
        } else if (anticoagulated) {
            choices.add(new Choice("IBUPROFEN", false, null, "no NSAID: anticoagulated or coagulopathy (bleeding)"));
        } else if (bands.contains(OrganFunctionBand.RENAL_REDUCED)) {
            choices.add(new Choice("IBUPROFEN", true, IBUPROFEN_MG, "ibuprofen 400 mg × 3 for at most 3 days with"
                    + " caution: renal function REDUCED (§8.2); check creatinine"));
        } else {
            choices.add(new Choice("IBUPROFEN", true, IBUPROFEN_MG, "ibuprofen 400 mg × 3 if no bleeding or"
                    + " surgical contraindication"));
        }
        return List.copyOf(choices);
    };

    private PostoperativeNonOpioids() {
    }
}
