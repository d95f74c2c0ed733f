package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.OrganFunctionBand;
import org.painladder.domain.patient.PatientFactors;
import org.painladder.domain.regimen.OrganFunctionAdvice;
import org.painladder.domain.regimen.OrganFunctionTable;

/**
 * The multimodal non-opioids of a postoperative proposal, checked against the patient's organ function through the
 * ORG table of clinical-rules §8.2 ({@link #ORG_TABLE}); {@link NonOpioidCheck} is the seam a test or a local table
 * can stand in for.
 */
final class PostoperativeNonOpioids {

    /**
     * What the check decided for one drug: give it (at most {@code maxDailyDoseMg}) or not, and why; {@code route}
     * when it is not the usual oral one.
     */
    record Choice(String drug, boolean give, BigDecimal maxDailyDoseMg, String reason, String route) {

        Choice(String drug, boolean give, BigDecimal maxDailyDoseMg, String reason) {
            this(drug, give, maxDailyDoseMg, reason, null);
        }
    }

    /** Decides paracetamol and NSAID for a patient; replaceable by the ORG table. */
    @FunctionalInterface
    interface NonOpioidCheck {
        List<Choice> check(Set<OrganFunctionBand> bands, PatientFactors factors,
                           Set<Contraindication> contraindications);
    }

    private static final BigDecimal PARACETAMOL_MAX_MG = new BigDecimal("4000");
    private static final BigDecimal PARACETAMOL_MG_PER_KG = new BigDecimal("60");
    private static final double LOW_WEIGHT_KG = 50;
    private static final BigDecimal IBUPROFEN_MG = new BigDecimal("1200");

    /**
     * The ORG table of §8.2 (clinical-rules, {@link OrganFunctionTable}): paracetamol under the band's cap and 60 mg/kg
     * under 50 kg; ibuprofen unless a band says to avoid NSAIDs or the patient is anticoagulated (bleeding).
     */
    /**
     * Paracetamol's daily ceiling for the patient, the lowest that applies (§1.7, §8.2): 4 g; the ORG table's caps
     * (3 g in moderate and 2 g in severe hepatic impairment, 3 g for the elderly or frail); 60 mg/kg under 50 kg.
     * Every proposal that gives paracetamol takes its ceiling from here.
     */
    static Choice paracetamol(Set<OrganFunctionBand> bands, PatientFactors factors) {
        BigDecimal paracetamol = PARACETAMOL_MAX_MG;
        String paracetamolReason = "regular paracetamol 1 g × 4";
        Optional<OrganFunctionAdvice> capped = OrganFunctionTable.advice("PARACETAMOL", bands).stream()
                .filter(line -> line.maxDailyDoseMg() != null)
                .min(Comparator.comparing(OrganFunctionAdvice::maxDailyDoseMg));
        if (capped.isPresent()) {
            paracetamol = capped.get().maxDailyDoseMg();
            paracetamolReason = "paracetamol at most " + paracetamol.toPlainString() + " mg/d: "
                    + OrganFunctionTable.describe(capped.get().band()) + " (" + capped.get().source() + ")";
        }
        if (factors.weightKg() != null && factors.weightKg() < LOW_WEIGHT_KG) {
            BigDecimal byWeight = PARACETAMOL_MG_PER_KG.multiply(BigDecimal.valueOf(factors.weightKg()))
                    .setScale(0, RoundingMode.FLOOR);
            if (byWeight.compareTo(paracetamol) < 0) {
                paracetamol = byWeight;
                paracetamolReason = "paracetamol at most " + byWeight.toPlainString()
                        + " mg/d: 60 mg/kg/d under 50 kg (§8.2)";
            }
        }
        return new Choice("PARACETAMOL", true, paracetamol, paracetamolReason);
    }

    static final NonOpioidCheck ORG_TABLE = (bands, factors, contraindications) -> {
        List<Choice> choices = new ArrayList<>();
        Choice paracetamol = paracetamol(bands, factors);
        choices.add(paracetamol);
        Optional<OrganFunctionAdvice> nsaid = OrganFunctionTable.strictest("IBUPROFEN", bands);
        boolean anticoagulated = contraindications.contains(Contraindication.ANTICOAGULATED)
                || contraindications.contains(Contraindication.COAGULOPATHY);
        if (nsaid.filter(OrganFunctionAdvice::isAvoid).isPresent()) {
            choices.add(new Choice("IBUPROFEN", false, null, "no NSAID: " + nsaid.get().band() + ", "
                    + nsaid.get().reason() + " (" + nsaid.get().source() + ")"));
        } else if (anticoagulated) {
            choices.add(new Choice("IBUPROFEN", false, null, "no NSAID: anticoagulated or coagulopathy (bleeding)"));
        } else if (nsaid.filter(OrganFunctionAdvice::isCaution).isPresent()) {
            choices.add(new Choice("IBUPROFEN", true, IBUPROFEN_MG, "ibuprofen 400 mg × 3 with caution: "
                    + nsaid.get().band() + ", " + nsaid.get().dosing()));
        } else {
            choices.add(new Choice("IBUPROFEN", true, IBUPROFEN_MG, "ibuprofen 400 mg × 3 if no bleeding or"
                    + " surgical contraindication"));
        }
        return List.copyOf(choices);
    };

    private PostoperativeNonOpioids() {
    }
}
