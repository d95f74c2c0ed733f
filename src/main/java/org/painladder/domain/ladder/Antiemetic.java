package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.Set;
import org.painladder.domain.patient.OrganFunctionBand;
import org.painladder.domain.regimen.OrganFunctionAdvice;
import org.painladder.domain.regimen.OrganFunctionTable;

/**
 * The antiemetic a strong-opioid start names for its first week (§8.7: LAD-03/04/05), checked against the ORG table
 * as every drug a proposal names is (§8.12): metoclopramide 10 mg up to three times a day, at the label's lower dose
 * where the kidneys or liver call for caution, and haloperidol at its lowest dose where metoclopramide is to be
 * avoided (Beers 2023 for the elderly or frail; haloperidol is the Palliative Care Formulary's other first choice for
 * opioid nausea, and ondansetron constipates).
 *
 * @param text     for a rationale: "an antiemetic as needed for the first week (…)"
 * @param proposal the proposal's {@code antiemetic}, drug code first
 * @param change   what the organ-function check changed, for its CHANGED detail; empty at the usual dose
 */
record Antiemetic(String text, String proposal, Optional<String> change) {

    private static final BigDecimal USUAL_SINGLE_MG = BigDecimal.TEN;
    private static final BigDecimal DOSES_A_DAY = BigDecimal.valueOf(3);

    /** For the patient in the picture: under the skin when the patient cannot swallow (§8.2). */
    static Antiemetic of(ClinicalPicture picture) {
        return of(picture.snapshot().organFunctionBands(), picture.cannotSwallow());
    }

    static Antiemetic of(Set<OrganFunctionBand> bands, boolean subcutaneous) {
        String sc = subcutaneous ? " SC" : "";
        OrganFunction.Judgement metoclopramide = OrganFunction.judge("METOCLOPRAMIDE", bands);
        if (metoclopramide.avoid()) {
            return new Antiemetic("an antiemetic as needed for the first week (haloperidol 0.5 mg" + sc + " at night, "
                    + "the lowest dose)", "HALOPERIDOL 0.5 mg" + sc + " at night as needed for the first week",
                    Optional.of("antiemetic haloperidol 0.5 mg at night instead of metoclopramide: "
                            + metoclopramide.reason()));
        }
        BigDecimal single = OrganFunctionTable.advice("METOCLOPRAMIDE", bands).stream()
                .filter(OrganFunctionAdvice::isCaution).map(OrganFunctionAdvice::maxDailyDoseMg)
                .filter(java.util.Objects::nonNull).min(BigDecimal::compareTo)
                .map(daily -> daily.divide(DOSES_A_DAY, 1, RoundingMode.DOWN).stripTrailingZeros())
                .orElse(USUAL_SINGLE_MG);
        String dose = single.toPlainString() + " mg";
        String text = "an antiemetic as needed for the first week (metoclopramide " + dose + sc + " up to three times a "
                + "day, or haloperidol 0.5–1 mg" + sc + " at night)";
        String proposal = "METOCLOPRAMIDE " + dose + sc + " as needed up to three times a day for the first week (or "
                + "HALOPERIDOL 0.5–1 mg" + sc + " at night)";
        return new Antiemetic(text, proposal, metoclopramide.caution()
                ? Optional.of("antiemetic metoclopramide " + dose + " instead of 10 mg: " + metoclopramide.reason())
                : Optional.empty());
    }

    /** For a rationale that only names the drugs: "metoclopramide 5 mg or haloperidol". */
    String drugs() {
        return proposal.startsWith("HALOPERIDOL") ? proposal.substring(0, proposal.indexOf(" as needed"))
                .replace("HALOPERIDOL", "haloperidol")
                : "metoclopramide " + proposal.substring("METOCLOPRAMIDE ".length(), proposal.indexOf(" as needed"))
                        + " or haloperidol";
    }

    /** Names it in the proposal, with the organ-function check when the bands changed it. */
    Advice addTo(Advice advice) {
        advice.propose("antiemetic", proposal);
        change.ifPresent(detail -> advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, detail));
        return advice;
    }
}
