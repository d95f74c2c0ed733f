package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.util.List;
import org.painladder.domain.patient.OrganFunctionBand;

/**
 * One line of the ORG table (clinical-rules §8.2): what a band says about a drug, and why.
 *
 * @param drugCode             the formulary code the line is about (an NSAID line names the NSAID asked about)
 * @param doseReductionMinPct  the smallest cut of the usual dose the table asks for (25 for "−25–50 %"), else null
 * @param doseReductionMaxPct  the largest cut (50 for "−25–50 %"), else null
 * @param maxDailyDoseMg       a daily cap the band sets (paracetamol 2000 mg in Child-Pugh C; gabapentin by CrCl),
 *                             else null
 * @param dosing               how to give it in this band, in the clinic's words (interval, label table)
 * @param alternatives         for an AVOID line, the formulary codes the table proposes instead, first choice first
 * @param reason               why the band changes the drug (metabolites, activation, bleeding …)
 * @param source               the publication or label the line comes from
 */
public record OrganFunctionAdvice(String drugCode, OrganFunctionBand band, OrganFunctionVerdict verdict,
                                  Integer doseReductionMinPct, Integer doseReductionMaxPct,
                                  BigDecimal maxDailyDoseMg, String dosing, List<String> alternatives,
                                  String reason, String source) {

    public OrganFunctionAdvice {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    public boolean isAvoid() {
        return verdict == OrganFunctionVerdict.AVOID;
    }

    public boolean isCaution() {
        return verdict == OrganFunctionVerdict.CAUTION;
    }
}
