package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.painladder.domain.patient.OrganFunctionBand;

/**
 * The ORG table of clinical-rules §8.2 as the engine applies it to what it proposes: for a drug and the patient's
 * organ-function bands, whether to avoid it (and what to give instead) or to use it with caution (a lower dose), so
 * that no proposal names a drug the patient's kidneys, liver or frailty say to avoid (§8.1 principle 1).
 */
final class OrganFunction {

    static final Set<String> RENAL_AVOID = Set.of("MORPHINE", "CODEINE", "DIHYDROCODEINE", "TRAMADOL");
    static final Set<String> NSAIDS = CoAdviceRules.NSAIDS;
    static final Set<String> HEPATIC_AVOID = Set.of("CODEINE", "TRAMADOL", "METHADONE");
    static final Set<String> STRONG_CAUTION = Set.of("MORPHINE", "OXYCODONE", "HYDROMORPHONE");
    /** Conservative end of the table's "−25–50 %": the lower dose (§8.1 principle 3). */
    static final int CAUTION_CUT_PCT = 50;

    private OrganFunction() {
    }

    enum Verdict { AVOID, CAUTION, FREE }

    /** @param reason the band and the table row, in words: "eGFR < 30 (renal SEVERE): morphine metabolites accumulate" */
    record Judgement(String drug, Verdict verdict, String reason) {
        boolean avoid() {
            return verdict == Verdict.AVOID;
        }

        boolean caution() {
            return verdict == Verdict.CAUTION;
        }
    }

    static Judgement judge(String drug, Set<OrganFunctionBand> bands) {
        String code = drug.toUpperCase(Locale.ROOT);
        boolean renalSevere = bands.stream().anyMatch(OrganFunctionBand::isRenalSevereOrWorse);
        boolean renalReduced = bands.contains(OrganFunctionBand.RENAL_REDUCED);
        boolean hepatic = bands.stream().anyMatch(OrganFunctionBand::isHepaticModerateOrWorse);
        boolean frail = bands.contains(OrganFunctionBand.ELDERLY_OR_FRAIL);
        String renal = bands.contains(OrganFunctionBand.RENAL_FAILURE) ? "renal FAILURE (eGFR < 15 or dialysis)"
                : "renal SEVERE (eGFR 15–29)";
        if (renalSevere && RENAL_AVOID.contains(code)) {
            return new Judgement(code, Verdict.AVOID, renal + ": " + name(code) + " and its metabolites accumulate");
        }
        if (renalSevere && (NSAIDS.contains(code) || code.equals("NSAID"))) {
            return new Judgement(code, Verdict.AVOID, renal + ": NSAIDs worsen renal function");
        }
        if (renalSevere && code.equals("ZOLEDRONIC_ACID")) {
            return new Judgement(code, Verdict.AVOID, renal + ": zoledronic acid is not recommended below CrCl 30");
        }
        if (hepatic && HEPATIC_AVOID.contains(code)) {
            return new Judgement(code, Verdict.AVOID, "hepatic impairment Child-Pugh B/C: " + name(code)
                    + (code.equals("METHADONE") ? " only through a specialist" : ": activation is unreliable"));
        }
        if (hepatic && (NSAIDS.contains(code) || code.equals("NSAID"))) {
            return new Judgement(code, Verdict.AVOID, "hepatic impairment Child-Pugh B/C: NSAIDs (bleeding, renal "
                    + "failure, ascites)");
        }
        if (frail && (NSAIDS.contains(code) || code.equals("NSAID"))) {
            return new Judgement(code, Verdict.AVOID, "elderly or frail (AGS Beers 2023): no long-term NSAID");
        }
        if (frail && code.equals("AMITRIPTYLINE")) {
            return new Judgement(code, Verdict.AVOID, "elderly or frail (AGS Beers 2023): amitriptyline is strongly "
                    + "anticholinergic");
        }
        if ((renalSevere || hepatic) && STRONG_CAUTION.contains(code)) {
            return new Judgement(code, Verdict.CAUTION, (renalSevere ? renal : "hepatic impairment Child-Pugh B/C")
                    + ": " + name(code) + " at half the dose, longer interval");
        }
        if (renalReduced && (RENAL_AVOID.contains(code) || NSAIDS.contains(code) || code.equals("NSAID")
                || code.equals("ZOLEDRONIC_ACID") || code.equals("GABAPENTIN") || code.equals("PREGABALIN"))) {
            return new Judgement(code, Verdict.CAUTION, "renal REDUCED (eGFR 30–59): " + name(code)
                    + " with caution (lower dose, longer interval; bisphosphonate and gabapentinoid by the label's "
                    + "CrCl table)");
        }
        if (renalSevere && (code.equals("GABAPENTIN") || code.equals("PREGABALIN"))) {
            return new Judgement(code, Verdict.CAUTION, renal + ": " + name(code) + " by the label's CrCl table "
                    + "(gabapentin 100–300 mg/day below CrCl 15, 200–700 mg/day at 15–29)");
        }
        if (frail && (code.equals("TRAMADOL"))) {
            return new Judgement(code, Verdict.CAUTION, "elderly or frail: tramadol (hyponatraemia, seizures)");
        }
        return new Judgement(code, Verdict.FREE, "");
    }

    /** Starting doses are halved for the elderly or frail (NCCN frail start; §8.2), and for a caution band. */
    static boolean halveStartingDose(String drug, Set<OrganFunctionBand> bands) {
        return bands.contains(OrganFunctionBand.ELDERLY_OR_FRAIL) || judge(drug, bands).caution();
    }

    /**
     * The strong opioid to start or switch to for these bands: oral morphine unless the kidneys say to avoid it,
     * then low-dose oral hydromorphone (EAPC 2012 renal; fentanyl or buprenorphine patches once stable).
     */
    static String startingStrongOpioid(Set<OrganFunctionBand> bands) {
        return judge("MORPHINE", bands).avoid() ? "HYDROMORPHONE" : "MORPHINE";
    }

    static boolean nsaidSafe(Set<OrganFunctionBand> bands) {
        return !judge("NSAID", bands).avoid();
    }

    /** The drugs of a list the bands say to avoid, as judgements. */
    static List<Judgement> avoided(List<String> drugs, Set<OrganFunctionBand> bands) {
        List<Judgement> out = new ArrayList<>();
        drugs.forEach(d -> {
            Judgement j = judge(d, bands);
            if (j.avoid()) {
                out.add(j);
            }
        });
        return out;
    }

    static Optional<String> bandsText(Set<OrganFunctionBand> bands) {
        return bands.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", bands.stream().sorted().map(Enum::name).toList()));
    }

    static BigDecimal halved(BigDecimal dose) {
        return DoseSteps.plain(dose.divide(BigDecimal.valueOf(2)));
    }

    private static String name(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
