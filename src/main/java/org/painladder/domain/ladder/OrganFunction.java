package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.painladder.domain.patient.OrganFunctionBand;
import org.painladder.domain.regimen.DoseSteps;
import org.painladder.domain.regimen.OrganFunctionAdvice;
import org.painladder.domain.regimen.OrganFunctionTable;
import org.painladder.domain.regimen.OrganFunctionVerdict;

/**
 * The ORG table of clinical-rules §8.2 ({@link OrganFunctionTable}) as the engine applies it to what it proposes: for a
 * drug and the patient's organ-function bands, whether to avoid it (and what to give instead) or to use it with
 * caution (a lower dose, the conservative end of the table's range), so that no proposal names a drug the patient's
 * kidneys, liver or frailty say to avoid (§8.1 principle 1).
 */
final class OrganFunction {

    private OrganFunction() {
    }

    enum Verdict { AVOID, CAUTION, FREE }

    /** @param reason the band and the table line in words, with its dosing and source */
    record Judgement(String drug, Verdict verdict, String reason) {
        boolean avoid() {
            return verdict == Verdict.AVOID;
        }

        boolean caution() {
            return verdict == Verdict.CAUTION;
        }
    }

    /** The strictest line of the shared ORG table ({@link OrganFunctionTable}, also behind PUT /regimen warnings). */
    static Judgement judge(String drug, Set<OrganFunctionBand> bands) {
        String code = drug.toUpperCase(Locale.ROOT);
        Optional<OrganFunctionAdvice> line = OrganFunctionTable.strictest(code, bands)
                .filter(advice -> advice.verdict() != OrganFunctionVerdict.PREFER);
        if (line.isEmpty()) {
            return new Judgement(code, Verdict.FREE, "");
        }
        OrganFunctionAdvice advice = line.get();
        String reason = OrganFunctionTable.describe(advice.band()) + ": " + name(code) + " — " + advice.reason()
                + (advice.isAvoid() ? "" : advice.dosing() == null ? "" : "; " + advice.dosing())
                + " (" + advice.source() + ")";
        return new Judgement(code, advice.isAvoid() ? Verdict.AVOID : Verdict.CAUTION, reason);
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
